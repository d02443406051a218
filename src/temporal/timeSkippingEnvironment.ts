import { TestWorkflowEnvironment } from '@temporalio/testing';
import { requireProgram } from '../stack/paths';

/**
 * Temporal's time-skipping test server (installed by `npm run setup`), its virtual clock starting
 * at `startAt` (default: now). Weeks of deadlines, reminders and escalation pass in moments.
 * Used by `npm run simulate` and by the workflow tests.
 */
export function createTimeSkippingEnvironment(startAt?: Date): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: requireProgram('temporalTestServer') },
      // Understood by our launcher (stack/temporal-test-server/TimeSkippingServer.java).
      extraArgs: startAt ? [`--start-time=${startAt.toISOString()}`] : [],
    },
  });
}
