/**
 * One change at a time: update handlers, signal handlers and the alarm loop each take the lock
 * around "decide, record, apply", so events get consecutive sequence numbers in the order they
 * were decided. Deterministic: it only uses Temporal's `condition`.
 */
import { condition } from '@temporalio/workflow';

export class WorkflowLock {
  private held = false;

  async run<T>(critical: () => Promise<T>): Promise<T> {
    await condition(() => !this.held);
    this.held = true;
    try {
      return await critical();
    } finally {
      this.held = false;
    }
  }
}
