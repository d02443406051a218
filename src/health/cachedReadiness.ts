/**
 * Readiness probes touch every dependency (an SMTP greeting, a MongoDB ping, a Temporal health
 * call). /health is unauthenticated, so it must not let anyone drive an SMTP connection per
 * request: the report is reused for a while, and callers that arrive while a probe is under way
 * share it.
 */
import { checkDependencies, type HealthProbes, type HealthReport } from './dependencyHealth';

/** A load balancer polls every few seconds; 10 s keeps the relay out of it and is still fresh. */
export const READINESS_CACHE_MS = 10_000;

export function cachedReadiness(probes: HealthProbes, cacheMs = READINESS_CACHE_MS): () => Promise<HealthReport> {
  let last: { report: HealthReport; at: number } | undefined;
  let running: Promise<HealthReport> | undefined;
  return () => {
    if (last && Date.now() - last.at < cacheMs) return Promise.resolve(last.report);
    running ??= checkDependencies(probes)
      .then((report) => {
        last = { report, at: Date.now() };
        return report;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}
