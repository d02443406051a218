import { Router } from 'express';
import { checkDependencies, type HealthProbes } from '../../health/dependencyHealth';

/** GET /health: 200 when Temporal, MongoDB and SMTP all answer, 503 (with Retry-After) otherwise. */
export function healthRouter(probes: HealthProbes): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const report = await checkDependencies(probes);
    if (report.status === 'down') res.setHeader('Retry-After', '10');
    res.status(report.status === 'up' ? 200 : 503).json(report);
  });
  return router;
}
