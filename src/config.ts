/**
 * Everything the engine reads from its environment, validated once at start.
 * Unset service addresses (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL) mean "start the embedded one".
 */
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
  /** Workflows a worker keeps cached (about 0.3 MiB each, 1 MiB after a command): bounds its memory. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(1_000),
  /** On an empty database, load the shipped directory and launch the 2021 campaign once. */
  LOAD_DEFAULTS: flag(true),
  /** Scale-out: run only the worker, or only the API, in this process. */
  RUN_WORKER: flag(true),
  RUN_API: flag(true),

  /** Ports of the embedded stack, used only for the parts started here. */
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  MONGODB_PORT: port(27017),
  SMTP_PORT: port(1025),
  MAILPIT_UI_PORT: port(8025),
});

export type Config = z.infer<typeof EnvSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid environment:\n${problems}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

/** The database name used when the embedded FerretDB is started. */
export const DEFAULT_DATABASE = 'directive-engine';
