/**
 * The real stack for benchmarks: Temporal dev server (SQLite), FerretDB and Mailpit on free ports
 * in a temporary folder, and the engine (worker + API) on top. Stopped and removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEngine, type RunningEngine } from '../src/engine';
import { logger } from '../src/logger';
import { startFerretDb, startMailpit, startTemporalDevServer, type FerretDbServer, type MailpitServer, type TemporalDevServer } from '../src/stack/embeddedServices';
import { freePorts } from '../src/stack/ports';

export interface BenchStack {
  dir: string;
  temporal: TemporalDevServer;
  ferret: FerretDbServer;
  mailpit: MailpitServer;
  engine: RunningEngine;
  stop(): Promise<void>;
}

export async function startBenchStack(options: { workflowsPath?: string; runWorker?: boolean } = {}): Promise<BenchStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'directive-engine-bench-'));
  logger.level = 'warn';
  const [temporalPort, ferretPort, smtpPort, mailpitUiPort] = (await freePorts(4)) as [number, number, number, number];
  const [temporal, ferret, mailpit] = await Promise.all([
    startTemporalDevServer({ dataDir: path.join(dir, 'temporal'), port: temporalPort, uiPort: null }),
    startFerretDb({ dataDir: path.join(dir, 'ferret'), port: ferretPort, debugAddr: process.env.BENCH_FERRETDB_PPROF }),
    startMailpit({ dataDir: path.join(dir, 'mailpit'), smtpPort, uiPort: mailpitUiPort }),
  ]);
  const engine = await startEngine({
    temporalAddress: temporal.address,
    namespace: 'default',
    taskQueue: 'bench',
    mongoUri: `${ferret.uri}bench`,
    smtpUrl: mailpit.smtpUrl,
    mailFrom: 'bench@example.test',
    logger,
    runWorker: options.runWorker ?? true,
    api: { host: '127.0.0.1', port: 0 },
    rateLimitPerMinute: 10_000_000,
    workflowsPath: options.workflowsPath,
  });
  return {
    dir,
    temporal,
    ferret,
    mailpit,
    engine,
    async stop() {
      await engine.stop();
      await Promise.all([temporal.service.stop(), ferret.service.stop(), mailpit.service.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
