/**
 * Health, without authentication, for load balancers and orchestrators:
 * - GET /health/live: the process answers (no dependency touched); restart it when this fails.
 * - GET /health/ready (and /health): Temporal, MongoDB and SMTP all answer: 200, else 503 with
 *   Retry-After; the report is cached (src/health/cachedReadiness.ts), `checkedAt` says when.
 */
import { Router } from 'express';
import { cachedReadiness } from '../../health/cachedReadiness';
import type { HealthProbes } from '../../health/dependencyHealth';

/**
 * `notices`: what the secretariat should know that does not make the engine unready, e.g. a year
 * running without its official calendar decision; left out while the database does not answer.
 */
export function healthRouter(probes: HealthProbes, cacheMs?: number, notices?: () => Promise<Record<string, unknown>>): Router {
  const router = Router();
  const readiness = cachedReadiness(probes, cacheMs);
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'up', checkedAt: new Date().toISOString() });
  });
  router.get(['/health', '/health/ready'], async (_req, res) => {
    const report = await readiness();
    if (report.status === 'down') res.setHeader('Retry-After', '10');
    res.setHeader('Cache-Control', 'no-store');
    const extra = report.status === 'up' && notices ? await notices().catch(() => undefined) : undefined;
    res.status(report.status === 'up' ? 200 : 503).json({ ...report, ...(extra ? { notices: extra } : {}) });
  });
  return router;
}
