/**
 * Benchmark 3: the worker process's resident memory with N open assignment workflows, first with
 * the workflow cache full (right after the launch that ran them), then after eviction (the process
 * restarted: the workflows wait on far timers, so none is loaded again).
 */
import type { BenchStack } from './benchStack';
import { round } from './stats';
import { spawnWorker, type WorkerProcess } from './workerProcess';

export interface MemoryFigure {
  openWorkflows: number;
  cacheFullMiB: number;
  afterEvictionMiB: number;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5_000));

/** Measures the running worker, restarts it, measures again; returns the fresh worker. */
export async function measureWorkerMemory(stack: BenchStack, worker: WorkerProcess, openWorkflows: number): Promise<{ figure: MemoryFigure; worker: WorkerProcess }> {
  await settle();
  const cacheFullMiB = worker.rssMiB();
  await worker.stop();
  const fresh = await spawnWorker(stack);
  await settle();
  const figure = { openWorkflows, cacheFullMiB: round(cacheFullMiB), afterEvictionMiB: round(fresh.rssMiB()) };
  console.log(`  worker RSS @ ${openWorkflows} open: ${figure.cacheFullMiB} MiB cached, ${figure.afterEvictionMiB} MiB after eviction`);
  return { figure, worker: fresh };
}
