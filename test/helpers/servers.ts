/**
 * Start the real servers a test needs, each on free ports with its own folder, and stop them after.
 * Suites use these from beforeAll/afterAll; nothing here is a mock.
 */
import { startFerretDb, startMailpit, startTemporalDevServer } from '../../src/stack/embeddedServices';
import { freePort, freePorts } from '../../src/stack/ports';
import { createTimeSkippingEnvironment as createTimeSkipping } from '../../src/temporal/timeSkippingEnvironment';
import { freshDir } from './testRoot';

/** `reuse` (fault drills): start again on the same folder and port, e.g. after stopping it. */
export async function startTestTemporal(reuse?: { dataDir: string; port: number }) {
  return startTemporalDevServer({ dataDir: reuse?.dataDir ?? freshDir('temporal'), port: reuse?.port ?? (await freePort()), uiPort: null });
}

/** `reuse` (fault drills): start again on the same folder and port, e.g. after stopping it. */
export async function startTestFerretDb(reuse?: { dataDir: string; port: number }) {
  return startFerretDb({ dataDir: reuse?.dataDir ?? freshDir('ferretdb'), port: reuse?.port ?? (await freePort()) });
}

export async function startTestMailpit() {
  const [smtpPort, uiPort] = await freePorts(2);
  return startMailpit({ dataDir: freshDir('mailpit'), smtpPort: smtpPort!, uiPort: uiPort! });
}

/** The time-skipping test server, its log under the run's folder. */
export function createTimeSkippingEnvironment(startAt?: Date, options: { executable?: string } = {}) {
  return createTimeSkipping(startAt, { ...options, logDir: freshDir('time-skipping') });
}

let databaseCounter = 0;
/** A database name no other suite uses, so suites can share one FerretDB if they want. */
export function uniqueDatabaseName(prefix = 'test'): string {
  databaseCounter += 1;
  return `${prefix}-${process.pid}-${databaseCounter}-${Date.now().toString(36)}`;
}
