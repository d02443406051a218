/**
 * WorkflowLock lets one waiter in at a time, in the order they came: several handlers queued
 * behind a change (an update and an alarm, a backlog after an outage) must not enter together.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnvironment } from '../helpers/servers';
import { enterSignal, lockProbe, openSignal } from './fixtures/lockWorkflows';

describe('WorkflowLock', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });
  afterAll(() => env?.teardown());

  it('hands the lock to one waiter at a time, first come first served', async () => {
    const taskQueue = 'workflow-lock';
    // Everything is queued before a worker polls, so the workflow's first task sees it all at once.
    const handle = await env.client.workflow.start(lockProbe, { taskQueue, workflowId: 'lock-probe' });
    for (const n of [1, 2, 3]) await handle.signal(enterSignal, n);
    await handle.signal(openSignal);

    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./fixtures/lockWorkflows'),
    });
    const result = await worker.runUntil(handle.result());
    expect(result).toEqual({ mostInsideAtOnce: 1, entered: [1, 2, 3] });
  });
});
