/**
 * The running engine: connections, the worker and the HTTP API wired together. `npm start` and
 * the end-to-end tests both build it this way, so tests exercise what users run.
 */
import { createServer, type Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { TemporalSecurity } from './config';
import { createApp } from './api/app';
import { openDatabase, type Database } from './db/database';
import { createHealthProbes } from './health/probes';
import { DEFAULT_PORTAL_SETTINGS, DEFAULT_PORTAL_URL, type PortalSettings } from './config';
import type { Logger } from './logger';
import { createSmtpTransport, type SmtpTransport } from './mail/smtpTransport';
// The outbox dispatcher (email delivery) runs beside the worker.
import { loadMailSettings, type MailSettings } from './outbox/mailSettings';
import { loadLetterSettings, type LetterSettings } from './mail/letterSettings';
import { startOutboxDispatcher, type OutboxDispatcher, type OutboxDispatcherOptions } from './outbox/outboxDispatcher';
import { callsInFlight } from './temporal/callsInFlight';
import { installTemporalRuntime } from './temporal/runtime';
import { createEngineWorker } from './temporal/worker';

export interface EngineOptions {
  temporalAddress: string;
  /** TLS and API key for a managed Temporal cluster (see src/config.ts); none for the embedded server. */
  temporalSecurity?: TemporalSecurity;
  namespace: string;
  taskQueue: string;
  mongoUri: string;
  smtpUrl: string;
  mailFrom: string;
  logger: Logger;
  runWorker: boolean;
  /** Listen address for the API, or undefined for no API in this process. */
  api?: { host: string; port: number };
  workflowsPath?: string;
  rateLimitPerMinute?: number;
  /** Reverse proxies in front of the API whose X-Forwarded-For is believed. */
  trustProxyHops?: number;
  /**
   * The portal (sessions, sign-in limits, upload size, PORTAL_URL for the links in emails). Unset:
   * the defaults, with the API's own address as PORTAL_URL.
   */
  portal?: Partial<PortalSettings>;
  /** The portal's clock (sessions, sign-in links); tests pass one they can move. */
  portalClock?: () => number;
  /** Bounds the worker's workflow cache (see src/temporal/worker.ts). */
  maxCachedWorkflows?: number;
  /**
   * Email delivery. Unset: the outbox dispatcher runs with the worker, configured from
   * the environment (see src/outbox/mailSettings.ts); false: no dispatcher in this process.
   */
  outbox?: false | { settings?: Partial<MailSettings>; hooks?: OutboxDispatcherOptions['hooks'] };
  /** Who issues and signs the văn bản đôn đốc; unset fields from LETTER_* (src/mail/letterSettings.ts). */
  letter?: Partial<LetterSettings>;
}

export interface RunningEngine {
  client: Client;
  db: Database;
  smtp: SmtpTransport;
  worker?: Worker;
  /** Email delivery: the outbox dispatcher, when this process runs one. */
  outbox?: OutboxDispatcher;
  /** The API's URL, e.g. http://127.0.0.1:3000, when this process serves it. */
  apiUrl?: string;
  /** The portal's settings in force (PORTAL_URL and the rest). */
  portal: PortalSettings;
  /** Resolves when the worker stops on its own (a fatal error), never otherwise. */
  workerStopped: Promise<void>;
  stop(): Promise<void>;
}

/** How long a stop waits for the client's calls under way to end: the SDK retries for about 20 s. */
const CLIENT_CALLS_GRACE_MS = 30_000;

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const { logger } = options;
  // Email delivery: read (and check) the mail settings before anything starts.
  const letterSettings: LetterSettings = { ...loadLetterSettings(), ...options.letter };
  const mailSettings =
    options.runWorker && options.outbox !== false ? { ...loadMailSettings(), ...options.outbox?.settings, letter: letterSettings } : undefined;
  const db = await openDatabase(options.mongoUri);
  const temporal = { address: options.temporalAddress, ...options.temporalSecurity };
  const clientCalls = callsInFlight();
  const clientConnection = await Connection.connect({ ...temporal, interceptors: clientCalls.interceptors });
  const client = new Client({ connection: clientConnection, namespace: options.namespace });
  const smtp = createSmtpTransport(options.smtpUrl);

  let worker: Worker | undefined;
  let workerConnection: NativeConnection | undefined;
  let workerRun: Promise<void> = new Promise(() => undefined);
  if (options.runWorker) {
    installTemporalRuntime(logger);
    workerConnection = await NativeConnection.connect(temporal);
    worker = await createEngineWorker({
      connection: workerConnection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      activities: createActivities({ db }),
      workflowsPath: options.workflowsPath,
      maxCachedWorkflows: options.maxCachedWorkflows,
    });
    workerRun = worker.run();
  }

  // The links in emails point at PORTAL_URL, by default this process's own address (set once listening).
  const portal: PortalSettings = { ...DEFAULT_PORTAL_SETTINGS, url: DEFAULT_PORTAL_URL, ...options.portal };
  let server: Server | undefined;
  let apiUrl: string | undefined;
  if (options.api) {
    const app = createApp({
      portal,
      now: options.portalClock,
      db,
      client,
      taskQueue: options.taskQueue,
      rateLimitPerMinute: options.rateLimitPerMinute,
      trustProxyHops: options.trustProxyHops,
      logger,
      healthProbes: createHealthProbes({ temporal: clientConnection, mongo: db.connection, smtp }),
      letter: { settings: letterSettings, templatesDir: mailSettings?.templatesDir },
    });
    server = createServer(app);
    await listen(server, options.api.host, options.api.port);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.api.port;
    apiUrl = `http://${options.api.host}:${port}`;
    if (!options.portal?.url) portal.url = apiUrl;
  }

  // Email delivery: deliver the outbox beside the worker (several processes may; claims keep each email to one).
  let outbox: OutboxDispatcher | undefined;
  if (mailSettings) {
    outbox = startOutboxDispatcher({
      db,
      smtp,
      logger,
      mailFrom: options.mailFrom,
      settings: mailSettings,
      portalUrl: portal.url,
      hooks: options.outbox ? options.outbox.hooks : undefined,
    });
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop taking requests and tasks first, then close what they used.
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      if (worker) {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await workerRun.catch((error) => logger.error({ err: error }, 'worker stopped with an error'));
      }
      await workerConnection?.close();
      await outbox?.stop(); // Email delivery: finish the email under way before closing SMTP and the database.
      await clientCalls.settled(CLIENT_CALLS_GRACE_MS); // a retry timer outliving the close would throw
      await clientConnection.close();
      smtp.close();
      await db.close();
    })());

  return { client, db, smtp, worker, outbox, apiUrl, portal, workerStopped: workerRun, stop };
}
