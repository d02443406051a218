import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { sleepDays } from '../fixtures/workflows';
import { createTimeSkippingEnvironment } from '../helpers/servers';

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
});
