/**
 * Everything the engine reads from its environment, validated once at start.
 * Unset service addresses (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL) mean "start the embedded one".
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from './stack/paths';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

// --- The portal (sign-in, sessions, evidence uploads) ---
const PortalEnv = {
  /** Where people open the portal; the links in emails start with it. Default: http://127.0.0.1:PORT. */
  PORTAL_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A session ends after this long without a request. */
  PORTAL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** ...and in any case this long after sign-in. */
  PORTAL_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Sign-in requests per 15 minutes for one email, and from one network address. */
  PORTAL_SIGN_IN_PER_EMAIL: z.coerce.number().int().min(1).max(1_000).default(5),
  PORTAL_SIGN_IN_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Largest evidence file accepted by the portal (20 MB). */
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
};

const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),

  TEMPORAL_ADDRESS: optionalText,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('directive-engine'),
  MONGODB_URI: optionalText,
  SMTP_URL: optionalText,
  MAIL_FROM: z.string().default('Ban Chỉ đạo CCHC Thành phố <cchc@sonoivu.example>'),

  /** Requests per minute each API token may make. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /**
   * Reverse proxies in front of the API (TLS terminators, load balancers). Their X-Forwarded-For
   * then gives each person's address, which the rate limits count by; behind a proxy with 0, every
   * person would share the proxy's address and its limits. 0: the header is ignored, so nobody can
   * choose the address they are counted under.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Workflows a worker keeps cached (about 0.3 MiB each, 1 MiB after a command): bounds its memory. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(1_000),
  /** Scale-out: run only the worker, or only the API, in this process. */
  RUN_WORKER: flag(true),
  RUN_API: flag(true),

  /** Ports of the embedded stack, used only for the parts started here. */
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  MONGODB_PORT: port(27017),
  SMTP_PORT: port(1025),
  MAILPIT_UI_PORT: port(8025),

  ...PortalEnv,
});

// --- Deployment: the demo data, and a managed Temporal cluster (TLS, API key) ---
/** Unset or empty: undefined, so the default can depend on other variables. */
const optionalFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1'));

const DeploymentEnvSchema = z
  .object({
    /**
     * On an empty database, load the shipped directory and launch the 2021 campaign once. Unset:
     * only with the embedded database (a local trial); never on a real one unless asked, since
     * the demo's emails would go out through the real relay.
     */
    LOAD_DEFAULTS: optionalFlag,
    /** TLS to an external Temporal (TEMPORAL_ADDRESS). Implied by any option below. */
    TEMPORAL_TLS: optionalFlag,
    /** PEM files: the server's CA (when the system does not trust it), the client's pair for mTLS. */
    TEMPORAL_TLS_CA_FILE: optionalText,
    TEMPORAL_TLS_CERT_FILE: optionalText,
    TEMPORAL_TLS_KEY_FILE: optionalText,
    /** The name the server's certificate is checked against, when not the address's host. */
    TEMPORAL_TLS_SERVER_NAME: optionalText,
    /** Sent as `Authorization: Bearer …` on every call (Temporal Cloud API keys). */
    TEMPORAL_API_KEY: optionalText,
    MONGODB_URI: optionalText,
    TEMPORAL_ADDRESS: optionalText,
  })
  .superRefine((env, ctx) => {
    const problem = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const tlsOptions = ['TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE', 'TEMPORAL_TLS_SERVER_NAME', 'TEMPORAL_API_KEY'] as const;
    const given = tlsOptions.filter((name) => env[name] !== undefined);
    if ((env.TEMPORAL_TLS || given.length > 0) && !env.TEMPORAL_ADDRESS)
      problem(given[0] ?? 'TEMPORAL_TLS', 'is for an external Temporal cluster: set TEMPORAL_ADDRESS too (the embedded server has no TLS)');
    if (env.TEMPORAL_TLS === false && given.length > 0)
      problem('TEMPORAL_TLS', `is false, but ${given.join(', ')} need TLS (an API key must never travel unencrypted)`);
    if (Boolean(env.TEMPORAL_TLS_CERT_FILE) !== Boolean(env.TEMPORAL_TLS_KEY_FILE))
      problem(env.TEMPORAL_TLS_CERT_FILE ? 'TEMPORAL_TLS_KEY_FILE' : 'TEMPORAL_TLS_CERT_FILE', 'mTLS needs both the certificate and its key');
    for (const name of ['TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE'] as const) {
      const file = env[name];
      if (file && !readablePem(file)) problem(name, `cannot read a PEM file at ${file}`);
    }
  });

function readablePem(file: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8').includes('-----BEGIN ');
  } catch {
    return false;
  }
}

/** What both Temporal connections (the client's and the worker's) take: `tls` and `apiKey`. */
export interface TemporalSecurity {
  tls?: { serverNameOverride?: string; serverRootCACertificate?: Buffer; clientCertPair?: { crt: Buffer; key: Buffer } };
  apiKey?: string;
}

function temporalSecurityOf(env: z.infer<typeof DeploymentEnvSchema>): TemporalSecurity {
  const wantsTls = env.TEMPORAL_TLS ?? Boolean(env.TEMPORAL_TLS_CA_FILE || env.TEMPORAL_TLS_CERT_FILE || env.TEMPORAL_TLS_SERVER_NAME || env.TEMPORAL_API_KEY);
  if (!wantsTls) return {};
  return {
    tls: {
      serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME,
      serverRootCACertificate: env.TEMPORAL_TLS_CA_FILE ? fs.readFileSync(env.TEMPORAL_TLS_CA_FILE) : undefined,
      clientCertPair:
        env.TEMPORAL_TLS_CERT_FILE && env.TEMPORAL_TLS_KEY_FILE
          ? { crt: fs.readFileSync(env.TEMPORAL_TLS_CERT_FILE), key: fs.readFileSync(env.TEMPORAL_TLS_KEY_FILE) }
          : undefined,
    },
    apiKey: env.TEMPORAL_API_KEY,
  };
}
// --- end of the deployment block ---

export type Config = z.infer<typeof EnvSchema> & {
  dataDir: string;
  LOAD_DEFAULTS: boolean;
  /** TLS and API key for an external Temporal; empty for the embedded one. */
  temporalSecurity: TemporalSecurity;
};

/** The portal's settings, as the engine and the portal router take them. */
export interface PortalSettings {
  /** Without a trailing slash. */
  url: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  signInPerEmail: number;
  signInPerAddress: number;
  evidenceMaxBytes: number;
  /**
   * A campaign page lists a whole campaign only up to this many assignments; past it the reader
   * narrows first (section, agency or category), so a page never reads a city-wide campaign.
   */
  campaignListLimit: number;
}

/** The portal's address when PORTAL_URL and PORT are not set. */
export const DEFAULT_PORTAL_URL = 'http://127.0.0.1:3000';

export const DEFAULT_PORTAL_SETTINGS: Omit<PortalSettings, 'url'> = {
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 12 * 3_600_000,
  signInPerEmail: 5,
  signInPerAddress: 30,
  evidenceMaxBytes: 20 * 1024 * 1024,
  campaignListLimit: 1_000,
};

export function portalSettings(config: Config): PortalSettings {
  return {
    url: (config.PORTAL_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, ''),
    sessionIdleMs: config.PORTAL_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: config.PORTAL_SESSION_MAX_HOURS * 3_600_000,
    signInPerEmail: config.PORTAL_SIGN_IN_PER_EMAIL,
    signInPerAddress: config.PORTAL_SIGN_IN_PER_ADDRESS,
    evidenceMaxBytes: config.EVIDENCE_MAX_BYTES,
    campaignListLimit: DEFAULT_PORTAL_SETTINGS.campaignListLimit,
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const deployment = DeploymentEnvSchema.safeParse(env);
  const issues = [...(parsed.error?.issues ?? []), ...(deployment.error?.issues ?? [])];
  if (!parsed.success || !deployment.success || issues.length > 0) {
    const problems = issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid environment:\n${problems}`);
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    LOAD_DEFAULTS: deployment.data.LOAD_DEFAULTS ?? deployment.data.MONGODB_URI === undefined,
    temporalSecurity: temporalSecurityOf(deployment.data),
  };
}

/** The database name used when the embedded FerretDB is started. */
export const DEFAULT_DATABASE = 'directive-engine';
