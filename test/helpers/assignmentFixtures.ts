/**
 * Starting one AssignmentWorkflow in a workflow harness, and reading back when its events happened,
 * so tests state only what differs (agency, deadline, policy) from a plain 2021 assignment.
 */
import type { AssignmentEvent } from '../../src/domain/assignment/assignmentEvents';
import type { DeadlineRule } from '../../src/domain/campaign/deadlineRule';
import type { AssignmentPlan } from '../../src/domain/campaign/expandCampaign';
import { defaultEscalationPolicy, defaultReminderPolicy, type EscalationPolicy } from '../../src/domain/campaign/policies';
import type { CalendarSnapshot } from '../../src/domain/calendar/workingCalendar';
import { fromStoredEvent } from '../../src/db/models/eventModel';
import { assignmentWorkflow } from '../../workflows/assignment/assignmentWorkflow';
import { calendarFor, type WorkflowHarness } from './workflowHarness';

export interface TestAssignment {
  id: string;
  agencyCode?: string;
  /** A fixed-date deadline, or any rule. */
  deadline?: string;
  deadlineRule?: DeadlineRule;
  coordinatingAgencies?: string[];
  launchDate?: string;
  calendar?: CalendarSnapshot;
  continueAsNewAfterEvents?: number;
  plan?: Partial<AssignmentPlan>;
  escalationPolicy?: EscalationPolicy;
}

export function testPlan(options: TestAssignment): AssignmentPlan {
  const agencyCode = options.agencyCode ?? options.id.split('.').at(-1)!;
  return {
    id: options.id,
    campaignKey: options.id.split('.')[0]!,
    sectionNumber: Number(/\.s(\d+)\./.exec(options.id)?.[1] ?? 1),
    taskNumber: Number(/\.t(\d+)\./.exec(options.id)?.[1] ?? 1),
    agencyCode,
    coordinatingAgencies: options.coordinatingAgencies ?? [],
    title: 'Giảm tỷ lệ hồ sơ trễ hạn',
    kpiTargets: [],
    citations: [],
    deadlineRule: options.deadlineRule ?? { kind: 'fixedDate', date: options.deadline ?? '2022-02-10' },
    ...options.plan,
  };
}

export function startTestAssignment(h: WorkflowHarness, options: TestAssignment) {
  return h.env.client.workflow.start(assignmentWorkflow, {
    taskQueue: h.taskQueue,
    workflowId: options.id,
    args: [
      {
        plan: testPlan(options),
        sectionTitle: 'Thủ trưởng cơ quan',
        launchDate: options.launchDate ?? '2021-12-01',
        calendar: options.calendar ?? calendarFor(2021, 2023),
        reminderPolicy: defaultReminderPolicy(),
        escalationPolicy: options.escalationPolicy ?? defaultEscalationPolicy(),
        notify: [],
        continueAsNewAfterEvents: options.continueAsNewAfterEvents,
      },
    ],
  });
}

/** "2022-01-25 08:00" (Vietnam time) for each event of the given types, in order. */
export async function eventTimes(h: WorkflowHarness, id: string, ...types: AssignmentEvent['type'][]): Promise<string[]> {
  const docs = await h.db.events.find({ assignmentId: id, type: { $in: types } }).sort({ seq: 1 }).lean();
  return docs.map((doc) => {
    const at = Date.parse(fromStoredEvent(doc).at);
    return new Date(at + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  });
}

export async function eventTypes(h: WorkflowHarness, id: string): Promise<string[]> {
  return (await h.db.events.find({ assignmentId: id }).sort({ seq: 1 }).lean()).map((doc) => doc.type);
}

/** Lets virtual time run to an instant (no-op if already past it). */
export async function sleepUntil(h: WorkflowHarness, iso: string): Promise<void> {
  const target = Date.parse(iso);
  const now = await h.env.currentTimeMs();
  if (target > now) await h.env.sleep(target - now);
}
