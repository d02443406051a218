import fs from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { requireProgram } from '../../src/stack/paths';
import { sleepDays } from '../fixtures/workflows';
import { createTimeSkippingEnvironment } from '../helpers/servers';
import { freshDir } from '../helpers/testRoot';

describe('the Java time-skipping test server installed by npm run setup', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment(new Date('2021-12-01T01:00:00Z'));
  });
  afterAll(() => env?.teardown());

  it('starts its virtual clock at the time asked for', async () => {
    expect(new Date(await env.currentTimeMs()).toISOString().slice(0, 10)).toBe('2021-12-01');
  });

  it('runs a workflow that sleeps 45 days without waiting 45 days', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping-check',
      workflowsPath: require.resolve('../fixtures/workflows'),
    });
    const before = await env.currentTimeMs();
    const result = await worker.runUntil(
      env.client.workflow.execute(sleepDays, { taskQueue: 'time-skipping-check', workflowId: 'sleep-45', args: [45] }),
    );
    const after = await env.currentTimeMs();
    expect(result).toBe('woke after 45 days');
    expect(after - before).toBeGreaterThanOrEqual(45 * 24 * 3600 * 1000);
  });

  it('waits for a server that takes longer than 5 s to start, as on a busy machine', async () => {
    // The real launcher, 7 s late: what a JVM starting under a full test run on two cores can take
    // (the SDK's own launcher gave up after 5 s: "ephemeral server … did not start within 5s").
    const slow = path.join(freshDir('slow-launcher'), 'temporal-test-server');
    fs.writeFileSync(slow, `#!/bin/sh\nsleep 7\nexec '${requireProgram('temporalTestServer')}' "$@"\n`, { mode: 0o755 });
    const late = await createTimeSkippingEnvironment(new Date('2022-01-03T01:00:00Z'), { executable: slow });
    try {
      expect(new Date(await late.currentTimeMs()).toISOString().slice(0, 10)).toBe('2022-01-03');
    } finally {
      await late.teardown();
    }
  });
});
