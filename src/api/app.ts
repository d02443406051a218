/**
 * The Express facade: thin routes over the workflows and the read models. Every error leaves as
 * problem+json; nothing a client sends can produce a 500.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { HealthProbes } from '../health/dependencyHealth';
import type { Logger } from '../logger';
import { Problem, problems, sendProblem } from './problem';
import { healthRouter } from './routes/health';

export interface ApiDependencies {
  healthProbes: HealthProbes;
  logger: Logger;
}

const BODY_LIMIT = '1mb';

/** body-parser's errors carry a `type`; map the ones a client causes to 4xx. */
function clientErrorFromBodyParser(error: unknown): Problem | undefined {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return problems.malformedJson();
  if (type === 'entity.too.large') return problems.payloadTooLarge(BODY_LIMIT);
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return problems.unsupportedMediaType('application/json; charset=utf-8');
  const status = (error as { status?: number } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new Problem(status, 'bad-request', 'Bad Request', 'Yêu cầu không hợp lệ.');
  return undefined;
}

export function createApp(deps: ApiDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: BODY_LIMIT }));

  app.use(healthRouter(deps.healthProbes));

  app.use((req, res) => sendProblem(res, problems.notFound(`Không có đường dẫn ${req.method} ${req.path}.`), req.originalUrl));

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const problem = error instanceof Problem ? error : clientErrorFromBodyParser(error);
    if (problem) return sendProblem(res, problem, req.originalUrl);
    deps.logger.error({ err: error, path: req.originalUrl }, 'unhandled error in a request');
    sendProblem(res, problems.internal(), req.originalUrl);
  };
  app.use(onError);
  return app;
}
