/**
 * Benchmark 5: timer accuracy on the dev server. Reminders wake an assignment with a Temporal
 * timer; working-day policies put them days away, so this measures the same mechanism with short
 * timers: bench workflows sleep until given instants and report how late they woke (workflow
 * time = start of the workflow task after the timer fired).
 */
import { randomUUID } from 'node:crypto';
import { AUX_QUEUE } from './auxWorker';
import type { BenchStack } from './benchStack';
import { percentile, round } from './stats';

export interface TimerAccuracy {
  timers: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export async function timerBench(stack: BenchStack, workflows = 20, timersEach = 5, spreadSeconds = 30): Promise<TimerAccuracy> {
  const { client } = stack.engine;
  const now = Date.now();
  // Instants spread over the window, so timers fire alone and in small bursts.
  const handles = await Promise.all(
    Array.from({ length: workflows }, (_, w) => {
      const instants = Array.from({ length: timersEach }, (_, t) => now + 3_000 + Math.round(((t * workflows + w) / (workflows * timersEach)) * spreadSeconds * 1000));
      return client.workflow.start('timerLatenessWorkflow', { taskQueue: AUX_QUEUE, workflowId: `timer-${randomUUID()}`, args: [instants] });
    }),
  );
  const lateness = (await Promise.all(handles.map((handle) => handle.result() as Promise<number[]>))).flat();
  return { timers: lateness.length, p50Ms: round(percentile(lateness, 50)), p99Ms: round(percentile(lateness, 99)), maxMs: round(Math.max(...lateness)) };
}
