/**
 * One change at a time: update handlers, signal handlers and the alarm loop each take the lock
 * around "decide, record, apply", so events get consecutive sequence numbers in the order they
 * were decided and their recording activities never run side by side.
 *
 * A first-come-first-served mutex (async-mutex, the lock Temporal's guide on message handlers
 * uses): on release it hands the lock to the next waiter alone. Waiting on `condition(() => !held)`
 * did not exclude: the SDK wakes every waiter whose condition holds in one pass, so two handlers
 * queued behind one change entered together. Deterministic: promises only, no timers.
 */
import { Mutex } from 'async-mutex';

export class WorkflowLock {
  private readonly mutex = new Mutex();

  run<T>(critical: () => Promise<T>): Promise<T> {
    return this.mutex.runExclusive(critical);
  }
}
