/**
 * The whole engine for API tests: real Temporal dev server, FerretDB, Mailpit, the worker and the
 * HTTP API on free ports, a seeded directory and one token per role. Requests go over real HTTP.
 */
import { eventually } from './eventually';
import { startEngine, type EngineOptions, type RunningEngine } from '../../src/engine';
import { logger } from '../../src/logger';
import { createApiToken } from '../../src/services/apiTokens';
import type { FerretDbServer, MailpitServer, TemporalDevServer } from '../../src/stack/embeddedServices';
import { startTestFerretDb, startTestMailpit, startTestTemporal, uniqueDatabaseName } from './servers';

export const AGENCIES = [
  { code: 'SNV', name: 'Sở Nội vụ', kind: 'department', groups: ['departments'] },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', kind: 'department', groups: ['departments'] },
  { code: 'SXD', name: 'Sở Xây dựng', kind: 'department', groups: ['departments'] },
  { code: 'Q1', name: 'Ủy ban nhân dân Quận 1', kind: 'district', groups: ['districts'] },
] as const;

export interface ApiHarness {
  engine: RunningEngine;
  /** The real database server, for outage tests. */
  ferret: FerretDbServer;
  /** The real SMTP server and its UI (read it with MailpitApi). */
  mailpit: MailpitServer;
  baseUrl: string;
  tokens: { secretariat: string; committee: string; STNMT: string; SNV: string; SXD: string; Q1: string };
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  stop(): Promise<void>;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** `outbox`: the email dispatcher, off unless a suite asks for it (API suites compare the outbox before and after requests). */
export async function startApiHarness(
  options: {
    rateLimitPerMinute?: number;
    trustProxyHops?: number;
    outbox?: EngineOptions['outbox'];
    /** The portal's settings and clock (sign-in and session tests). */
    portal?: EngineOptions['portal'];
    portalClock?: EngineOptions['portalClock'];
    /** Who issues and signs the văn bản đôn đốc (defaults otherwise). */
    letter?: EngineOptions['letter'];
  } = {},
): Promise<ApiHarness> {
  const [temporal, ferret, mailpit]: [TemporalDevServer, FerretDbServer, MailpitServer] = await Promise.all([
    startTestTemporal(),
    startTestFerretDb(),
    startTestMailpit(),
  ]);
  const engine = await startEngine({
    temporalAddress: temporal.address,
    namespace: 'default',
    taskQueue: 'api-test',
    mongoUri: `${ferret.uri}${uniqueDatabaseName('api')}`,
    smtpUrl: mailpit.smtpUrl,
    mailFrom: 'cchc@sonoivu.example',
    logger: logger.child({ test: 'api' }),
    runWorker: true,
    api: { host: '127.0.0.1', port: 0 },
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    trustProxyHops: options.trustProxyHops,
    outbox: options.outbox ?? false,
    portal: options.portal,
    portalClock: options.portalClock,
    letter: options.letter,
  });
  for (const agency of AGENCIES) {
    await engine.db.agencies.create({ _id: agency.code, name: agency.name, kind: agency.kind, groups: [...agency.groups], contacts: [], updatedAt: new Date() });
  }
  const token = async (role: 'secretariat' | 'committee' | 'agency', agencyCode?: string) =>
    (await createApiToken(engine.db, { role, name: agencyCode ?? role, agencyCode })).token;
  const tokens = {
    secretariat: await token('secretariat'),
    committee: await token('committee'),
    STNMT: await token('agency', 'STNMT'),
    SNV: await token('agency', 'SNV'),
    SXD: await token('agency', 'SXD'),
    Q1: await token('agency', 'Q1'),
  };
  const baseUrl = engine.apiUrl!;
  return {
    engine,
    ferret,
    mailpit,
    baseUrl,
    tokens,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      let body = options.body;
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['Content-Type'] = 'application/json';
      }
      if (options.contentType) headers['Content-Type'] = options.contentType;
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.status, headers: response.headers, text, body: parsed };
    },
    async stop() {
      await engine.stop();
      await Promise.all([temporal.service.stop(), ferret.service.stop(), mailpit.service.stop()]);
    },
  };
}

export { eventually };

export interface TestSection {
  number: number;
  title: string;
  addressees: { agencies?: string[]; groups?: string[] };
  tasks: { title: string; coordinatingAgencies?: string[]; deadline?: unknown }[];
}

/**
 * Launches a campaign through the API, starting today, with a deadline 20 working days out by
 * default, and waits until its assignments are in the read model.
 */
export async function launchTestCampaign(
  api: ApiHarness,
  campaign: { key: string; title?: string; sections: TestSection[]; defaultDeadline?: unknown },
): Promise<ApiResponse> {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const launched = await api.call('POST', '/api/v1/campaigns', {
    token: api.tokens.secretariat,
    json: {
      key: campaign.key,
      year: Number(today.slice(0, 4)),
      title: campaign.title ?? 'Kế hoạch thử nghiệm',
      directive: { number: '1/KH-SNV', date: today, issuer: 'Sở Nội vụ', title: 'Thử nghiệm' },
      launchDate: today,
      defaultDeadline: campaign.defaultDeadline ?? { kind: 'workingDaysAfterLaunch', workingDays: 20 },
      sections: campaign.sections,
    },
  });
  if (launched.status !== 201) throw new Error(`launch failed: ${launched.status} ${launched.text}`);
  await eventually(
    () => api.engine.db.assignments.countDocuments({ campaignKey: campaign.key }),
    (count) => count === launched.body.plannedAssignments,
  );
  return launched;
}
