/** The minimal workflows the benchmarks compare the engine with (the engine's are in workflows/). */
import { sleep } from '@temporalio/workflow';

export async function noopWorkflow(): Promise<void> {
  // Nothing: measures what the server and worker need just to start and finish a workflow.
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
