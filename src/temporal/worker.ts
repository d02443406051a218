import { NativeConnection, Worker } from '@temporalio/worker';

export interface EngineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** The side-effect functions workflows call (activities/). */
  activities: object;
  /** Defaults to the engine's workflows/ folder; tests may point at their own. */
  workflowsPath?: string;
  /**
   * Workflows kept in memory between tasks (about 1.6 MiB each, measured by npm run bench).
   * Assignments sit idle for days, and an evicted one costs only a short replay when it wakes.
   */
  maxCachedWorkflows?: number;
}

/**
 * Libraries the workflow sandbox loads once and shares between workflows. Without this every
 * workflow evaluates its own copy of zod and luxon on its first task (CPU on every launch, and
 * memory for as long as it is cached). Both keep no per-workflow state at module level.
 */
export const SHARED_WORKFLOW_MODULES = ['zod', 'luxon'];

/** The worker: runs workflows/ (bundled, sandboxed) and activities/ on one task queue. */
export function createEngineWorker(options: EngineWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: options.workflowsPath ?? require.resolve('../../workflows'),
    activities: options.activities,
    // Workflow activations run on worker threads; with a reused V8 context the SDK defaults to
    // one, so a launch (thousands of first activations) was bound to a single core. Two let the
    // workflow code of a campaign use both cores of a small machine.
    workflowThreadPoolSize: 2,
    maxCachedWorkflows: options.maxCachedWorkflows,
    bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES },
  });
}
