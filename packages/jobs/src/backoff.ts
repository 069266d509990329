// When to try again after a transient failure: exponential backoff with "full jitter" (a random
// delay between a floor and the exponential cap), so that many targets failing together do not
// come back together and fail together again.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 15 * 60_000 };

/**
 * The delay before attempt `attempt + 1`, having made `attempt` (>= 1) attempts. `random` returns
 * [0, 1) and is passed in so tests are deterministic. A network's Retry-After is a floor.
 */
export function backoffDelayMs(
  attempt: number,
  options: { policy?: BackoffPolicy; random: () => number; retryAfterMs?: number | undefined },
): number {
  const { baseMs, maxMs } = options.policy ?? DEFAULT_BACKOFF;
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const cap = Math.min(maxMs, baseMs * 2 ** exponent);
  // Half fixed, half random: never retries immediately, still spreads a crowd.
  const delay = cap / 2 + options.random() * (cap / 2);
  return Math.round(Math.max(delay, options.retryAfterMs ?? 0));
}
