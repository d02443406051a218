/**
 * Campaign launch: assignments started per second for campaigns of 1,000 and 5,000 assignments,
 * against the rate at which the same server starts a minimal workflow (the ceiling).
 */
import { CampaignSchema } from '../src/domain/campaign/campaign';
import { dateAt, yearOf } from '../src/domain/time/localDate';
import { calendarSnapshot } from '../src/services/calendarService';
import { campaignWorkflow } from '../workflows/campaign/campaignWorkflow';
import type { BenchStack } from './benchStack';

/**
 * Polls once a second: counting events scans the collection on FerretDB, and polling faster
 * would load the very database the launch is writing to.
 */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
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
  const started = performance.now();
  await client.workflow.start(campaignWorkflow, {
    taskQueue: 'bench',
    workflowId: key,
    args: [{ campaign, directory: codes.map((code) => ({ code, groups: ['wards'] })), launchDate: today, calendar: await calendarSnapshot(db, yearOf(today)) }],
  });
  // Started = its AssignmentAssigned event recorded (the assignment exists and is durable).
  await waitFor(async () => (await db.events.countDocuments({ campaignKey: key, type: 'AssignmentAssigned' })) >= total, 30 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  return { key, assignments: total, seconds, perSecond: total / seconds };
}
