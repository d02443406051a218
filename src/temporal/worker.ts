import { NativeConnection, Worker } from '@temporalio/worker';
import { workflowBundlerOptions, WORKFLOWS_PATH } from './workflowBundle';

export interface EngineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** The side-effect functions workflows call (activities/). */
  activities: object;
  /** Defaults to the engine's workflows/ folder; tests may point at their own. */
  workflowsPath?: string;
  /**
   * Workflows kept in memory between tasks (about 0.3 MiB each, see workflowBundle.ts and the README).
   * Assignments sit idle for days, and an evicted one costs only a short replay when it wakes.
   */
  maxCachedWorkflows?: number;
}

/** The worker: runs workflows/ (bundled, sandboxed) and activities/ on one task queue. */
export function createEngineWorker(options: EngineWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: options.workflowsPath ?? WORKFLOWS_PATH,
    activities: options.activities,
    // Workflow activations run on worker threads; with a reused V8 context the SDK defaults to
    // one, so a launch (thousands of first activations) was bound to a single core. Two let the
    // workflow code of a campaign use both cores of a small machine.
    workflowThreadPoolSize: 2,
    maxCachedWorkflows: options.maxCachedWorkflows,
    bundlerOptions: workflowBundlerOptions,
  });
}
