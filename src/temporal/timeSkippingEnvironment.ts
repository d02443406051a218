import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { requireProgram } from '../stack/paths';
import { freePort, isListening } from '../stack/ports';
import { startService } from '../stack/service';

/** How long a start may take: a JVM on a machine whose two cores run a full test suite is slow. */
const START_TIMEOUT_MS = 180_000;

/**
 * Temporal's time-skipping test server (installed by `npm run setup`), its virtual clock starting
 * at `startAt` (default: now). Weeks of deadlines, reminders and escalation pass in moments.
 * Used by `npm run simulate` and by the workflow tests.
 *
 * We start the server ourselves and wait for it as long as a busy machine needs: the SDK's own
 * launcher (`createTimeSkipping`) gives it a fixed 5 s, and a JVM starting under a full test run
 * sometimes took longer ("ephemeral server … did not start within 5s"). `executable` replaces the
 * installed launcher (tests use it to stand in for a slow start).
 */
export async function createTimeSkippingEnvironment(
  startAt?: Date,
  options: { executable?: string; logDir?: string } = {},
): Promise<TestWorkflowEnvironment> {
  const port = await freePort();
  const logDir = options.logDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-test-server-'));
  const service = await startService({
    name: "Temporal's time-skipping test server",
    command: options.executable ?? requireProgram('temporalTestServer'),
    // Understood by our launcher (stack/temporal-test-server/TimeSkippingServer.java).
    // The folder in the command line (the launcher ignores the argument): the tests' global
    // teardown kills whatever names the run's folder, should a test process die before teardown.
    args: [String(port), ...(startAt ? [`--start-time=${startAt.toISOString()}`] : []), `--folder=${logDir}`],
    ports: [{ port, label: 'a free port' }],
    logFile: path.join(logDir, 'server.log'),
    // The launcher opens its port only once every service is registered.
    isReady: () => isListening(port),
    startTimeoutMs: START_TIMEOUT_MS,
  });
  // It runs in its own process group: make sure it does not outlive this process.
  const killOnExit = () => service.kill();
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await service.stop();
    if (!options.logDir) fs.rmSync(logDir, { recursive: true, force: true });
  };
  try {
    const env = await connectTimeSkipping(`127.0.0.1:${port}`);
    const closeConnections = env.teardown.bind(env);
    env.teardown = async () => {
      await closeConnections();
      await stop();
    };
    return env;
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A time-skipping environment on a server already running. The SDK has no public way to say
 * "existing server, with time skipping" (createFromExistingServer assumes a normal server), so
 * this calls the factory its public constructors share, with the options they would pass.
 */
function connectTimeSkipping(address: string): Promise<TestWorkflowEnvironment> {
  const create = (TestWorkflowEnvironment as unknown as { create(options: object): Promise<TestWorkflowEnvironment> }).create;
  return create.call(TestWorkflowEnvironment, { server: { type: 'existing' }, address, namespace: 'default', supportsTimeSkipping: true });
}
