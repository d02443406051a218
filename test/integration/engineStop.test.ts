/**
 * Stopping the engine while a Temporal client call is still retrying (the server is gone, say):
 * the stop lets the call end before it closes the connection. The SDK's retry waits on a timer
 * that closing the connection does not clear; fired after the close, it threw "Channel has been
 * shut down" out of the process's reach (seen in a fault drill that followed such a stop).
 */
import { startEngine, type RunningEngine } from '../../src/engine';
import { logger } from '../../src/logger';
import type { FerretDbServer, MailpitServer, TemporalDevServer } from '../../src/stack/embeddedServices';
import { startTestFerretDb, startTestMailpit, startTestTemporal, uniqueDatabaseName } from '../helpers/servers';

describe('engine stop', () => {
  let temporal: TemporalDevServer;
  let ferret: FerretDbServer;
  let mailpit: MailpitServer;
  let engine: RunningEngine | undefined;
  beforeAll(async () => {
    [temporal, ferret, mailpit] = await Promise.all([startTestTemporal(), startTestFerretDb(), startTestMailpit()]);
  });
  afterAll(async () => {
    await engine?.stop();
    await Promise.all([temporal?.service.stop(), ferret?.service.stop(), mailpit?.service.stop()]);
  });

  it('lets a retrying client call end before it closes the Temporal connection', async () => {
    engine = await startEngine({
      temporalAddress: temporal.address,
      namespace: 'default',
      taskQueue: 'engine-stop',
      mongoUri: `${ferret.uri}${uniqueDatabaseName('stop')}`,
      smtpUrl: mailpit.smtpUrl,
      mailFrom: 'cchc@sonoivu.example',
      logger: logger.child({ test: 'engine-stop' }),
      runWorker: false,
      outbox: false,
    });
    await temporal.service.stop();
    // A call nobody waits for any more (as a health probe that lost its race): it retries.
    let settled = false;
    void engine.client.workflow
      .getHandle('khong-co')
      .describe()
      .catch(() => undefined)
      .finally(() => (settled = true));
    await engine.stop();
    expect(settled).toBe(true);
  });
});
