/** The minimal workflows the benchmarks compare the engine with (the engine's are in workflows/). */
import { ParentClosePolicy, proxyActivities, sleep, startChild } from '@temporalio/workflow';

export async function noopWorkflow(): Promise<void> {
  // Nothing: measures what the server and worker need just to start and finish a workflow.
}

/** The one activity of a same-shape child: does nothing but be scheduled, run and recorded. */
export interface SameShapeActivities {
  touch(): Promise<void>;
}

const { touch } = proxyActivities<SameShapeActivities>({ startToCloseTimeout: '1 minute' });

/** What starting an assignment costs at least: one activity (its first event), then a timer (its deadline). */
export async function sameShapeChildWorkflow(): Promise<void> {
  await touch();
  await sleep('30 days');
}

/** Starts `count` same-shape children in batches of 50, as a section starts its assignments. */
export async function sameShapeParentWorkflow(count: number, prefix: string): Promise<void> {
  for (let started = 0; started < count; started += 50) {
    const batch = Array.from({ length: Math.min(50, count - started) }, (_, k) => started + k);
    await Promise.all(batch.map((i) => startChild(sameShapeChildWorkflow, { workflowId: `${prefix}.${i}`, parentClosePolicy: ParentClosePolicy.ABANDON })));
  }
}

/**
 * Sleeps until each given instant (epoch ms) and returns how late it woke up, in ms. Workflow
 * time (Date.now()) is the start of the workflow task that follows the timer, so this is the
 * lateness a reminder alarm sees: server timer + task dispatch + worker pick-up.
 */
export async function timerLatenessWorkflow(instants: number[]): Promise<number[]> {
  const lateness: number[] = [];
  for (const instant of instants) {
    const wait = instant - Date.now();
    if (wait > 0) await sleep(wait);
    lateness.push(Date.now() - instant);
  }
  return lateness;
}
