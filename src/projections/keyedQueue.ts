/**
 * Runs tasks one at a time per key, in arrival order, within this process; tasks of different
 * keys run side by side. For writes that FerretDB 1.x cannot make atomic (a conditional update is
 * a read then a write there), so two of them on one document must not overlap.
 */
export function keyedQueue() {
  const tails = new Map<string, Promise<void>>();
  return async function inQueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
