/**
 * Where a launched assignment's time goes. Two views:
 *  - Temporal: from the histories of launched assignments, the gaps between child start, first
 *    workflow task, the recordAssignmentEvents activity being scheduled, picked up and completed;
 *  - the database: each write the activity makes, timed alone against the same FerretDB.
 */
import type { temporal } from '@temporalio/proto';
import { createRecordAssignmentEvents } from '../activities/recordAssignmentEvents';
import type { AssignmentEvent } from '../src/domain/assignment/assignmentEvents';
import { evolve } from '../src/domain/assignment/assignmentState';
import { notificationFor } from '../src/domain/notification/notificationRequest';
import { toViewDoc } from '../src/db/models/assignmentViewModel';
import { toStoredEvent } from '../src/db/models/eventModel';
import type { BenchStack } from './benchStack';
import { percentile, round } from './stats';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const ms = (event: HistoryEvent | undefined): number => {
  const t = event?.eventTime;
  return t ? Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 : NaN;
};

/** An AssignmentAssigned event as a launch records it, for timing the database alone. */
export function assignedEvent(campaignKey: string, i: number, agency: string): AssignmentEvent {
  const id = `${campaignKey}.s1.t${i + 1}.${agency}`;
  return {
    type: 'AssignmentAssigned',
    id: `${id}#1`,
    assignmentId: id,
    campaignKey,
    seq: 1,
    at: new Date().toISOString(),
    actor: { role: 'system' },
    launchDate: '2021-12-01',
    deadline: '2022-01-03',
    sectionTitle: 'Mục',
    plan: {
      id,
      campaignKey,
      sectionNumber: 1,
      taskNumber: i + 1,
      agencyCode: agency,
      coordinatingAgencies: [],
      title: `Nhiệm vụ ${i + 1}`,
      kpiTargets: [],
      citations: [],
      deadlineRule: { kind: 'fixedDate', date: '2022-01-03' },
    },
  };
}

async function timed(samples: number[], work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  samples.push(performance.now() - started);
}

/** Milliseconds per database step of the activity, sequential (no contention), p50. */
export async function profileDatabase(stack: BenchStack, count = 200) {
  const { db } = stack.engine;
  const steps = { insertEvent: [] as number[], insertOutbox: [] as number[], findProjection: [] as number[], replaceProjection: [] as number[], wholeActivity: [] as number[] };
  const record = createRecordAssignmentEvents(db);
  for (let i = 0; i < count; i++) {
    const event = assignedEvent('profile', i, 'P1');
    const note = notificationFor(event, 'P1')!;
    await timed(steps.insertEvent, () => db.events.collection.insertOne(toStoredEvent(event) as never));
    await timed(steps.insertOutbox, () => db.outbox.collection.insertOne({ ...note, _id: `p${note.id}`, status: 'sent', attempts: 0, createdAt: new Date() } as never));
    await timed(steps.findProjection, () => db.assignments.findById(event.assignmentId).lean());
    await timed(steps.replaceProjection, () => db.assignments.replaceOne({ _id: event.assignmentId }, toViewDoc(evolve(undefined, event)), { upsert: true }));
    const fresh = assignedEvent('profile2', i, 'P1');
    await timed(steps.wholeActivity, () => record({ events: [fresh], notifications: [] }));
  }
  await db.events.deleteMany({ campaignKey: { $in: ['profile', 'profile2'] } });
  await db.assignments.deleteMany({ campaignKey: { $in: ['profile', 'profile2'] } });
  await db.outbox.deleteMany({ campaignKey: 'profile' });
  return Object.fromEntries(Object.entries(steps).map(([name, samples]) => [name, round(percentile(samples, 50), 2)]));
}

/** Gaps (ms, p50 and p99) inside the histories of launched assignments. */
export async function profileHistories(stack: BenchStack, assignmentIds: string[]) {
  const gaps = { startToFirstTask: [] as number[], firstTaskRun: [] as number[], activityQueueWait: [] as number[], activityRun: [] as number[], startToRecorded: [] as number[] };
  for (const id of assignmentIds) {
    const history = await stack.engine.client.workflow.getHandle(id).fetchHistory();
    const events = history.events ?? [];
    const find = (key: keyof HistoryEvent) => events.find((event) => event[key]);
    const started = find('workflowExecutionStartedEventAttributes');
    const taskStarted = find('workflowTaskStartedEventAttributes');
    const taskDone = find('workflowTaskCompletedEventAttributes');
    const scheduled = find('activityTaskScheduledEventAttributes');
    const actStarted = find('activityTaskStartedEventAttributes');
    const actDone = find('activityTaskCompletedEventAttributes');
    gaps.startToFirstTask.push(ms(taskStarted) - ms(started));
    gaps.firstTaskRun.push(ms(taskDone) - ms(taskStarted));
    gaps.activityQueueWait.push(ms(actStarted) - ms(scheduled));
    gaps.activityRun.push(ms(actDone) - ms(actStarted));
    gaps.startToRecorded.push(ms(actDone) - ms(started));
  }
  return Object.fromEntries(
    Object.entries(gaps).map(([name, samples]) => [name, { p50: round(percentile(samples.filter(Number.isFinite), 50)), p99: round(percentile(samples.filter(Number.isFinite), 99)) }]),
  );
}
