/** Exponential backoff for transient failures: base, 2x base, 4x base... capped, with jitter so
 * dispatchers that failed together do not retry in lockstep. */
export function backoffDelay(attempt: number, policy: { baseMs: number; maxMs: number }, random = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
