import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { sleepDays } from '../fixtures/workflows';
import { createTimeSkippingEnv } from '../helpers/servers';

describe('the Java time-skipping test server installed by npm run setup', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());

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
});
