/**
 * GET /health's answer: each dependency probed in parallel, with its latency, and "down" with the
 * reason when it does not answer in time.
 */
export type DependencyName = 'temporal' | 'mongodb' | 'smtp';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'up' | 'down';
  checkedAt: string;
  dependencies: Record<DependencyName, DependencyStatus>;
}

/** Resolves when the dependency answers; rejects (with a reason) when it does not. */
export type HealthProbe = () => Promise<unknown>;

export type HealthProbes = Record<DependencyName, HealthProbe>;

async function probeOne(probe: HealthProbe, timeoutMs: number): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDependencies(probes: HealthProbes, timeoutMs = 2_000): Promise<HealthReport> {
  const names = Object.keys(probes) as DependencyName[];
  const results = await Promise.all(names.map((name) => probeOne(probes[name], timeoutMs)));
  const dependencies = Object.fromEntries(names.map((name, i) => [name, results[i]])) as HealthReport['dependencies'];
  const allUp = results.every((result) => result.status === 'up');
  return { status: allUp ? 'up' : 'down', checkedAt: new Date().toISOString(), dependencies };
}
