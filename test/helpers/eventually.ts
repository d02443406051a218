/**
 * Polls until `check` holds, or fails naming what was awaited and the last value seen. Read
 * models and emails follow workflows asynchronously, so tests wait for them this way.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  options: { timeoutMs?: number; what?: string; intervalMs?: number; retryErrors?: boolean } = {},
): Promise<T> {
  const { timeoutMs = 30_000, what = 'condition', intervalMs = 150, retryErrors = false } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | undefined;
  for (;;) {
    try {
      const value = await probe();
      last = { value };
      if (check(value)) return value;
    } catch (error) {
      // A server being restarted (fault drills): try again until the deadline.
      if (!retryErrors) throw error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not met in ${timeoutMs} ms; last value: ${JSON.stringify(last?.value)?.slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
