/**
 * What `npm start` runs before the engine: every service not given by an env var is started here
 * as a child process, persisting under DATA_DIR. Given ones (TEMPORAL_ADDRESS, MONGODB_URI,
 * SMTP_URL) are used as they are and nothing is spawned for them.
 */
import { DEFAULT_DATABASE, type Config } from '../config';
import { startFerretDb, startMailpit, startTemporalDevServer } from './embeddedServices';
import { DataFolderLock, SpawnedProcessRecord } from './leftovers';
import type { RunningService } from './service';

export interface LocalStack {
  temporalAddress: string;
  mongoUri: string;
  smtpUrl: string;
  temporalUiUrl?: string;
  mailpitUiUrl?: string;
  /** True when something was started here, keeping its state in the data folder. */
  usesDataFolder: boolean;
  /** Stops what was started here, newest first. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILLs what was started here at once: for a process exit that cannot wait. */
  killNow(): void;
}

export async function startLocalStack(config: Config, log: (message: string) => void): Promise<LocalStack> {
  const nothingToStart = Boolean(config.TEMPORAL_ADDRESS && config.MONGODB_URI && config.SMTP_URL);
  if (nothingToStart) {
    // Production: every service is external, the data folder is not used at all.
    const external = { temporalAddress: config.TEMPORAL_ADDRESS!, mongoUri: config.MONGODB_URI!, smtpUrl: config.SMTP_URL! };
    return { ...external, usesDataFolder: false, stop: async () => undefined, killNow: () => undefined };
  }
  const lock = DataFolderLock.acquire(config.dataDir);
  const record = new SpawnedProcessRecord(config.dataDir);
  const started: RunningService[] = [];
  const remember = (service: RunningService) => {
    started.push(service);
    record.add(service.pid);
    log(`${service.name} started (pid ${service.pid})`);
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const service of [...started].reverse()) await service.stop();
    record.clear();
    lock.release();
  };

  try {
    await record.killLeftovers(config.dataDir, log);
    let temporalAddress = config.TEMPORAL_ADDRESS;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      log('starting the Temporal dev server...');
      const temporal = await startTemporalDevServer({
        dataDir: config.dataDir,
        port: config.TEMPORAL_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
      });
      remember(temporal.service);
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
    }
    let mongoUri = config.MONGODB_URI;
    if (!mongoUri) {
      log('starting FerretDB...');
      const ferret = await startFerretDb({ dataDir: config.dataDir, port: config.MONGODB_PORT });
      remember(ferret.service);
      mongoUri = `${ferret.uri}${DEFAULT_DATABASE}`;
    }
    let smtpUrl = config.SMTP_URL;
    let mailpitUiUrl: string | undefined;
    if (!smtpUrl) {
      log('starting Mailpit...');
      const mailpit = await startMailpit({
        dataDir: config.dataDir,
        smtpPort: config.SMTP_PORT,
        uiPort: config.MAILPIT_UI_PORT,
      });
      remember(mailpit.service);
      smtpUrl = mailpit.smtpUrl;
      mailpitUiUrl = mailpit.uiUrl;
    }
    return {
      temporalAddress,
      mongoUri,
      smtpUrl,
      temporalUiUrl,
      mailpitUiUrl,
      usesDataFolder: true,
      stop,
      killNow: () => started.forEach((service) => service.kill()),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
