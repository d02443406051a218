/**
 * The Express facade: thin routes over the workflows (writes) and the read models (reads).
 * Every error leaves as problem+json; nothing a client sends can produce a 500.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/database';
import { calendarDecisionNotice } from '../services/calendarService';
import type { HealthProbes } from '../health/dependencyHealth';
import type { Logger } from '../logger';
import type { ApiDeps } from './apiDeps';
import { docsPage } from './docsPage';
import { authenticate, requireCaller } from './middleware/authenticate';
import { rateLimitPerCaller } from './middleware/rateLimit';
import { idempotency } from './middleware/idempotency';
import { OpenApiRegistry } from './openapi/registry';
import { Problem, problems, sendProblem } from './problem';
import { agencyRoutes } from './routes/agencies';
import { peopleRoutes } from './routes/people';
import { assignmentRoutes } from './routes/assignments';
import { calendarRoutes } from './routes/calendars';
import { campaignImportRoutes } from './routes/campaignImport';
import { campaignRoutes } from './routes/campaigns';
import { healthRouter } from './routes/health';
import { statisticsRoutes } from './routes/statistics';
// Email delivery: the outbox and the per-campaign test-mailbox switch.
import { campaignMailSettingsRoutes } from './routes/campaignMailSettings';
import { outboxRoutes } from './routes/outbox';
// The văn bản đôn đốc on demand.
import { letterRoutes } from './routes/letters';
import { loadLetterSettings, type LetterSettings } from '../mail/letterSettings';
import { DEFAULT_TEMPLATES_DIR, TemplateStore } from '../mail/templateStore';
import { dependencyOutage } from './dependencyOutage';
// The portal: pages for people, over the same services as the API.
import { portalRouter } from '../portal/portalRouter';
import { DEFAULT_PORTAL_SETTINGS, DEFAULT_PORTAL_URL, type PortalSettings } from '../config';

export interface AppOptions {
  db: Database;
  client: Client;
  taskQueue: string;
  healthProbes: HealthProbes;
  logger: Logger;
  /** Requests per minute per token (default 600). */
  rateLimitPerMinute?: number;
  /** Reverse proxies in front of the app whose X-Forwarded-For is believed (TRUST_PROXY_HOPS). */
  trustProxyHops?: number;
  /** The portal's settings (sessions, sign-in limits, uploads, PORTAL_URL); defaults when unset. */
  portal?: PortalSettings;
  /** The portal's clock for sessions and sign-in codes (tests move it); Date.now when unset. */
  now?: () => number;
  /** Who issues and signs the văn bản đôn đốc, and the folder of its wording; unset: from the environment. */
  letter?: { settings?: LetterSettings; templatesDir?: string };
}

const BODY_LIMIT = '1mb';
const API_PREFIX = '/api/v1';

/** body-parser's errors carry a `type`; map the ones a client causes to 4xx. */
function clientErrorFromBodyParser(error: unknown): Problem | undefined {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return problems.malformedJson();
  if (type === 'entity.too.large') return problems.payloadTooLarge(BODY_LIMIT);
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return problems.unsupportedMediaType('application/json; charset=utf-8');
  const status = (error as { status?: number } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new Problem(status, 'bad-request', 'Yêu cầu không hợp lệ', 'Yêu cầu không hợp lệ.');
  return undefined;
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (options.trustProxyHops) app.set('trust proxy', options.trustProxyHops);
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.text({ limit: BODY_LIMIT, type: ['application/yaml', 'application/x-yaml', 'text/yaml'] }));

  app.use(
    healthRouter(options.healthProbes, undefined, async () => {
      const calendar = await calendarDecisionNotice(options.db);
      return calendar.warning ? { calendar: { undecidedYears: calendar.years, warning: calendar.warning } } : {};
    }),
  );
  app.use(docsPage());

  const registry = new OpenApiRegistry(API_PREFIX);
  const letters = {
    db: options.db,
    templates: new TemplateStore(options.letter?.templatesDir ?? (process.env.MAIL_TEMPLATES_DIR || DEFAULT_TEMPLATES_DIR)),
    settings: options.letter?.settings ?? loadLetterSettings(),
  };
  const deps: ApiDeps = { ...options, registry, letters };
  app.get(`${API_PREFIX}/openapi.json`, (_req, res) => {
    res.json(registry.document());
  });

  const api = express.Router();
  api.use(authenticate(options.db));
  api.use(rateLimitPerCaller(options.rateLimitPerMinute ?? 600)); // before the 401: bad tokens are limited too
  api.use(requireCaller);
  api.use(idempotency(options.db));
  api.use(campaignImportRoutes(deps));
  api.use(campaignRoutes(deps));
  api.use(assignmentRoutes(deps));
  api.use(agencyRoutes(deps));
  api.use(peopleRoutes(deps));
  api.use(calendarRoutes(deps));
  api.use(statisticsRoutes(deps));
  api.use(outboxRoutes(deps));
  api.use(campaignMailSettingsRoutes(deps));
  api.use(letterRoutes(deps));
  app.use(API_PREFIX, api);
  app.use(portalRouter({ ...options, letters, portal: options.portal ?? { ...DEFAULT_PORTAL_SETTINGS, url: DEFAULT_PORTAL_URL } }));

  app.use((req, res) => sendProblem(res, problems.notFound(`Không có đường dẫn ${req.method} ${req.path}.`), req.originalUrl));

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const problem = error instanceof Problem ? error : (clientErrorFromBodyParser(error) ?? dependencyOutage(error));
    if (problem) return sendProblem(res, problem, req.originalUrl);
    options.logger.error({ err: error, path: req.originalUrl }, 'unhandled error in a request');
    sendProblem(res, problems.internal(), req.originalUrl);
  };
  app.use(onError);
  return app;
}
