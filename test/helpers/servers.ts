/**
 * Start the real servers a test needs, each on free ports with its own folder, and stop them after.
 * Suites use these from beforeAll/afterAll; nothing here is a mock.
 */
import { startFerretDb, startMailpit, startTemporalDevServer } from '../../src/stack/embeddedServices';
import { freePort } from '../../src/stack/ports';
import { freshDir } from './testRoot';

export async function startTestTemporal() {
  return startTemporalDevServer({ dataDir: freshDir('temporal'), port: await freePort(), uiPort: null });
}

export async function startTestFerretDb() {
  return startFerretDb({ dataDir: freshDir('ferretdb'), port: await freePort() });
}

export async function startTestMailpit() {
  return startMailpit({ dataDir: freshDir('mailpit'), smtpPort: await freePort(), uiPort: await freePort() });
}

export { createTimeSkippingEnvironment } from '../../src/temporal/timeSkippingEnvironment';

let databaseCounter = 0;
/** A database name no other suite uses, so suites can share one FerretDB if they want. */
export function uniqueDatabaseName(prefix = 'test'): string {
  databaseCounter += 1;
  return `${prefix}-${process.pid}-${databaseCounter}-${Date.now().toString(36)}`;
}
