/**
 * A worker in the bench process for the minimal workflows (noop, timer lateness) on their own
 * queue, so the engine's worker process (bench/workerProcess.ts) runs only engine work.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { logger } from '../src/logger';
import { installTemporalRuntime } from '../src/temporal/runtime';
import type { BenchStack } from './benchStack';

export const AUX_QUEUE = 'bench-aux';

let touched = 0;
/** How many same-shape children have run their activity (bench/benchWorkflows.ts). */
export const touchedCount = (): number => touched;

export async function startAuxWorker(stack: BenchStack): Promise<{ stop(): Promise<void> }> {
  installTemporalRuntime(logger); // SDK logs at WARN, like the engine's own worker
  const connection = await NativeConnection.connect({ address: stack.temporal.address });
  const worker = await Worker.create({
    connection,
    taskQueue: AUX_QUEUE,
    workflowsPath: require.resolve('./benchWorkflows'),
    activities: {
      async touch() {
        touched += 1;
      },
    },
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
