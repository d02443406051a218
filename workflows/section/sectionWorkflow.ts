/**
 * SectionWorkflow: one addressee section of a campaign. Starts one AssignmentWorkflow per
 * (task, agency) in bounded batches, keeps their counts, and cascades a cancellation to them.
 *
 * Children are started with ParentClosePolicy ABANDON and the section continues-as-new after
 * every CHILDREN_PER_RUN starts, so a section that fans out to thousands of agencies never holds
 * more pending children than Temporal allows (2,000 by default). Assignments are reached by id.
 */
import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { FINAL_STATUSES } from '../../src/domain/assignment/assignmentState';
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentSummary } from '../../src/domain/assignment/assignmentSummary';
import type { Campaign, Section } from '../../src/domain/campaign/campaign';
import { resolveDeadline } from '../../src/domain/campaign/deadlineRule';
import { expandSection, type AssignmentPlan, type DirectoryEntry } from '../../src/domain/campaign/expandCampaign';
import { WorkingCalendar, type CalendarSnapshot } from '../../src/domain/calendar/workingCalendar';
import type { LocalDate } from '../../src/domain/time/localDate';
import { assignmentWorkflow } from '../assignment/assignmentWorkflow';
import { cancelAssignmentSignal } from '../assignment/assignmentMessages';
import { resumeBook, EPOCH, type CarriedProgress } from '../progressBook';
import { startChildOnce } from '../startChildOnce';
import { assignmentChangedSignal, assignmentsChangedSignal, cancelSignal, progressQuery, type ProgressView } from './sectionMessages';

export interface SectionWorkflowInput {
  campaign: Pick<Campaign, 'key' | 'defaultDeadline' | 'reminderPolicy' | 'escalationPolicy'>;
  section: Section;
  directory: DirectoryEntry[];
  launchDate: LocalDate;
  calendar: CalendarSnapshot;
  /** The campaign workflow, also told of every assignment change; absent when run alone. */
  campaignWorkflowId?: string;
  carried?: { started: number; progress?: CarriedProgress; summaries?: AssignmentSummary[]; cancel?: { actor: Actor; reason: string } };
}

/** Starts awaited together: enough to be quick, few enough to be gentle on the server. */
const START_BATCH = 50;
/** Starts per run before continue-as-new sheds the pending children. */
const CHILDREN_PER_RUN = 1_000;
/** Summaries per report to the campaign: about 100 KiB a signal. */
const REPORT_BATCH = 1_000;
/** Patch: a cancelled section reports the assignments it never started to the campaign. */
const REPORTS_NEVER_STARTED = 'section-reports-never-started';

/**
 * Each assignment's first summary. Deadlines are worked out once per distinct rule: thousands of
 * agencies share a task's rule, and counting working days per assignment took a 5,000-assignment
 * campaign's first workflow task past the sandbox's 5-second limit.
 */
export function initialSummaries(plans: AssignmentPlan[], launchDate: LocalDate, calendar: WorkingCalendar): AssignmentSummary[] {
  const deadlines = new Map<string, LocalDate>();
  return plans.map((plan) => {
    const rule = JSON.stringify(plan.deadlineRule);
    const deadline = deadlines.get(rule) ?? resolveDeadline(plan.deadlineRule, launchDate, calendar);
    deadlines.set(rule, deadline);
    return { id: plan.id, sectionNumber: plan.sectionNumber, agencyCode: plan.agencyCode, status: 'assigned', deadline };
  });
}

/** Ends with the section's final counts. */
export async function sectionWorkflow(input: SectionWorkflowInput): Promise<ProgressView> {
  const { plans } = expandSection(input.campaign, input.section, input.directory);
  const calendar = new WorkingCalendar(input.calendar);
  const firstSummaries = initialSummaries(plans, input.launchDate, calendar);
  const book = resumeBook(firstSummaries, input.carried);
  let started = input.carried?.started ?? 0;
  let cancel = input.carried?.cancel;
  let cancelsSent = false;
  const selfId = workflowInfo().workflowId;

  setHandler(assignmentChangedSignal, (summary) => book.record(summary));
  setHandler(cancelSignal, (request) => {
    cancel ??= request;
  });
  setHandler(progressQuery, () => book.view(Date.now(), started, Boolean(cancel)));

  const runStartedAt = started;
  while (started < plans.length && !cancel) {
    if (started - runStartedAt >= CHILDREN_PER_RUN) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof sectionWorkflow>({ ...input, carried: { started, progress: book.carry(firstSummaries, EPOCH), cancel } });
    }
    const batch = plans.slice(started, started + START_BATCH);
    await Promise.all(
      batch.map((plan) =>
        startChildOnce(assignmentWorkflow, {
          workflowId: plan.id,
          args: [
            {
              plan,
              sectionTitle: input.section.title,
              launchDate: input.launchDate,
              calendar: input.calendar,
              reminderPolicy: input.campaign.reminderPolicy,
              escalationPolicy: input.campaign.escalationPolicy,
              notify: [selfId, ...(input.campaignWorkflowId ? [input.campaignWorkflowId] : [])],
            },
          ],
        }),
      ),
    );
    started += batch.length;
  }

  for (;;) {
    await condition(() => book.allFinished || (Boolean(cancel) && !cancelsSent) || workflowInfo().continueAsNewSuggested);
    if (book.allFinished) break;
    if (cancel && !cancelsSent) {
      cancelsSent = true;
      const request = cancel;
      // Only started assignments exist; the rest are never started once cancelled.
      const startedIds = new Set(plans.slice(0, started).map((plan) => plan.id));
      const neverStarted = book.all
        .filter((summary) => !startedIds.has(summary.id) && !FINAL_STATUSES.includes(summary.status))
        .map((summary): AssignmentSummary => ({ ...summary, status: 'cancelled' }));
      for (const summary of neverStarted) book.record(summary);
      // The campaign counts them too, and waits for every one of them to end: tell it.
      if (neverStarted.length > 0 && input.campaignWorkflowId && patched(REPORTS_NEVER_STARTED)) {
        const campaign = getExternalWorkflowHandle(input.campaignWorkflowId);
        for (let i = 0; i < neverStarted.length; i += REPORT_BATCH) {
          await campaign.signal(assignmentsChangedSignal, neverStarted.slice(i, i + REPORT_BATCH)).catch(() => undefined);
        }
      }
      const open = book.openIds();
      for (let i = 0; i < open.length; i += START_BATCH) {
        await Promise.all(
          open.slice(i, i + START_BATCH).map((id) =>
            getExternalWorkflowHandle(id)
              .signal(cancelAssignmentSignal, request)
              .catch(() => undefined),
          ),
        );
      }
      continue;
    }
    await condition(allHandlersFinished);
    await continueAsNew<typeof sectionWorkflow>({ ...input, carried: { started, progress: book.carry(firstSummaries, EPOCH), cancel } });
  }
  await condition(allHandlersFinished);
  return book.view(Date.now(), started, Boolean(cancel));
}
