/**
 * Campaign launch: assignments started per second for campaigns of 1,000 and 5,000 assignments,
 * against the rate at which the same server starts a minimal workflow (the ceiling).
 */
import { eventId } from '../src/domain/assignment/assignmentEvents';
import { CampaignSchema } from '../src/domain/campaign/campaign';
import { expandCampaign } from '../src/domain/campaign/expandCampaign';
import { dateAt, yearOf } from '../src/domain/time/localDate';
import { calendarSnapshot } from '../src/services/calendarService';
import { campaignWorkflow } from '../workflows/campaign/campaignWorkflow';
import { touchedCount } from './auxWorker';
import type { BenchStack } from './benchStack';

/**
 * Resolves once every id is in the events collection. Looks ids up by `_id` (an index lookup on
 * every server) in launch order, resuming at the first one missing: counting events instead would
 * scan the collection on FerretDB and load the very database the launch is writing to.
 */
async function waitForEvents(db: BenchStack['engine']['db'], eventIds: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const missing = new Set(eventIds);
  while (missing.size > 0) {
    for (const id of missing) {
      if (!(await db.events.exists({ _id: id }))) break;
      missing.delete(id);
    }
    if (missing.size === 0) return;
    if (Date.now() > deadline) throw new Error(`timed out with ${missing.size} assignments not started`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Noop workflows started per second, on the in-process auxiliary worker's queue (bench/auxWorker.ts). */
export async function minimalWorkflowRate(stack: BenchStack, count: number, concurrency = 50, taskQueue = 'bench-aux'): Promise<number> {
  const started = performance.now();
  let next = 0;
  const runner = async () => {
    while (next < count) {
      const i = next++;
      await stack.engine.client.workflow.start('noopWorkflow', { taskQueue, workflowId: `noop-${count}-${i}-${Date.now()}`, args: [] });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, runner));
  return count / ((performance.now() - started) / 1000);
}

/**
 * Same-shape children started per second: one parent starts `count` children in batches of 50,
 * each runs one activity then waits on a timer (bench/benchWorkflows.ts), on the auxiliary
 * worker. Started = its activity ran, as an assignment is started once its first event is stored.
 */
export async function sameShapeRate(stack: BenchStack, count: number, taskQueue = 'bench-aux'): Promise<number> {
  const before = touchedCount();
  const started = performance.now();
  await stack.engine.client.workflow.start('sameShapeParentWorkflow', { taskQueue, workflowId: `same-shape-${Date.now()}`, args: [count, `same-shape-${Date.now()}`] });
  const deadline = Date.now() + 30 * 60_000;
  while (touchedCount() - before < count) {
    if (Date.now() > deadline) throw new Error(`same-shape children: ${touchedCount() - before} of ${count} started in 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return count / ((performance.now() - started) / 1000);
}

export async function campaignLaunchRate(stack: BenchStack, agencies: number, tasks: number): Promise<{ key: string; assignments: number; seconds: number; perSecond: number }> {
  const { db, client } = stack.engine;
  const codes = Array.from({ length: agencies }, (_, i) => `W${String(i).padStart(4, '0')}`);
  await db.agencies.deleteMany({});
  await db.agencies.insertMany(codes.map((code) => ({ _id: code, name: `Phường ${code}`, kind: 'district', groups: ['wards'], contacts: [{ role: 'focalPoint', name: 'Đầu mối', email: `${code.toLowerCase()}@phuong.example` }], updatedAt: new Date() })));
  const today = dateAt(Date.now());
  const key = `bench-${agencies * tasks}`;
  const campaign = CampaignSchema.parse({
    key,
    year: yearOf(today),
    title: 'Đo tốc độ khởi động',
    directive: { number: '1/BENCH', date: today, issuer: 'Sở Nội vụ', title: 'Đo' },
    launchDate: today,
    defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 30 },
    sections: [{ number: 1, title: 'Các phường', addressees: { groups: ['wards'] }, tasks: Array.from({ length: tasks }, (_, i) => ({ title: `Nhiệm vụ ${i + 1}` })) }],
  });
  const total = agencies * tasks;
  const directory = codes.map((code) => ({ code, groups: ['wards'] }));
  const started = performance.now();
  await client.workflow.start(campaignWorkflow, {
    taskQueue: 'bench',
    workflowId: key,
    args: [{ campaign, directory, launchDate: today, calendar: await calendarSnapshot(db, yearOf(today)) }],
  });
  // Started = its AssignmentAssigned event (seq 1) recorded: the assignment exists and is durable.
  const firstEvents = expandCampaign(campaign, directory).plans.map((plan) => eventId(plan.id, 1));
  await waitForEvents(db, firstEvents, 30 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  return { key, assignments: total, seconds, perSecond: total / seconds };
}
