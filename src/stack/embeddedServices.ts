/**
 * The three programs of the embedded local stack, each startable on its own (tests start only
 * what they need, on free ports) and all persisting under one data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { requireProgram } from './paths';
import { isListening } from './ports';
import { startService, type RunningService } from './service';

export interface TemporalDevServer {
  service: RunningService;
  /** host:port of the gRPC frontend, what TEMPORAL_ADDRESS takes. */
  address: string;
  /** The Temporal web UI, or undefined when started headless. */
  uiUrl?: string;
}

async function temporalAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    return true;
  } finally {
    await connection.close();
  }
}

/** Temporal CLI's dev server, persisting to `<dataDir>/temporal.db` (SQLite) across restarts. */
export async function startTemporalDevServer(options: {
  dataDir: string;
  port: number;
  /** Web UI port, or null for no UI (tests). */
  uiPort: number | null;
}): Promise<TemporalDevServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const address = `127.0.0.1:${options.port}`;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--db-filename', path.join(options.dataDir, 'temporal.db'), '--log-level', 'warn');
  // An activity scheduled by a workflow task goes straight back to the worker that completed the
  // task, instead of through the task queue: one poll and match fewer per assignment change.
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');
  if (options.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  const ports = [{ port: options.port, label: 'TEMPORAL_PORT' }];
  if (options.uiPort !== null) ports.push({ port: options.uiPort, label: 'TEMPORAL_UI_PORT' });
  const service = await startService({
    name: 'Temporal dev server',
    command: requireProgram('temporal'),
    args,
    ports,
    logFile: path.join(options.dataDir, 'logs', 'temporal.log'),
    isReady: () => temporalAnswers(address),
  });
  return { service, address, uiUrl: options.uiPort === null ? undefined : `http://127.0.0.1:${options.uiPort}` };
}

export interface FerretDbServer {
  service: RunningService;
  /** Connection string without a database name; append one (`${uri}directive-engine`). */
  uri: string;
}

/** FerretDB on SQLite, one file per database under `<dataDir>/ferretdb/`. */
/** `debugAddr`: host:port where FerretDB serves Go's /debug/pprof (benchmarks profile it there). */
export async function startFerretDb(options: { dataDir: string; port: number; debugAddr?: string }): Promise<FerretDbServer> {
  const sqliteDir = path.join(options.dataDir, 'ferretdb');
  fs.mkdirSync(sqliteDir, { recursive: true });
  const service = await startService({
    name: 'FerretDB',
    command: requireProgram('ferretdb'),
    // BEGIN IMMEDIATE: concurrent writers wait for the lock (busy_timeout) instead of failing
    // with SQLITE_BUSY when a read transaction tries to upgrade to a write.
    args: ['--listen-addr', `127.0.0.1:${options.port}`, '--sqlite-url', `file:${sqliteDir}/?_txlock=immediate`, '--log-level', 'warn', ...(options.debugAddr ? ['--debug-addr', options.debugAddr] : [])],
    ports: [{ port: options.port, label: 'MONGODB_PORT' }],
    logFile: path.join(options.dataDir, 'logs', 'ferretdb.log'),
    isReady: () => isListening(options.port),
  });
  return { service, uri: `mongodb://127.0.0.1:${options.port}/` };
}

export interface MailpitServer {
  service: RunningService;
  /** What SMTP_URL takes. */
  smtpUrl: string;
  /** Web UI and REST API (`${uiUrl}/api/v1/messages`). */
  uiUrl: string;
}

/** Mailpit: catches every email and shows it in a web UI; messages persist in `<dataDir>/mailpit.db`. */
export async function startMailpit(options: { dataDir: string; smtpPort: number; uiPort: number }): Promise<MailpitServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const uiUrl = `http://127.0.0.1:${options.uiPort}`;
  const service = await startService({
    name: 'Mailpit',
    command: requireProgram('mailpit'),
    args: [
      '--smtp', `127.0.0.1:${options.smtpPort}`,
      '--listen', `127.0.0.1:${options.uiPort}`,
      '--database', path.join(options.dataDir, 'mailpit.db'),
      // Keep every message: the secretariat reads the history of what was sent.
      '--max', '0',
      '--disable-version-check',
    ],
    ports: [
      { port: options.smtpPort, label: 'SMTP_PORT' },
      { port: options.uiPort, label: 'MAILPIT_UI_PORT' },
    ],
    logFile: path.join(options.dataDir, 'logs', 'mailpit.log'),
    isReady: async () => (await fetch(`${uiUrl}/readyz`)).ok && (await isListening(options.smtpPort)),
  });
  return { service, smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`, uiUrl };
}
