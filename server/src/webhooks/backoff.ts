/**
 * Retry schedule: exponential backoff with full jitter. The ceiling doubles from `baseMs` per failed
 * attempt up to `capMs`; the wait is uniformly random below the ceiling, so receivers that come
 * back after an outage are not hit by every sender at once.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Keep retrying until at least this long after the delivery was created, then give up. */
  retryWindowMs: number;
  /** Smallest wait, so a jitter draw near zero never turns into a hot loop. */
  minDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 30_000,
  capMs: 6 * 3600_000,
  retryWindowMs: 24 * 3600_000,
  minDelayMs: 1_000,
};

/** The ceiling of the wait after the `failedAttempts`-th failure (1-based). */
export function backoffCeilingMs(policy: BackoffPolicy, failedAttempts: number): number {
  const exp = Math.min(Math.max(failedAttempts - 1, 0), 40);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exp);
}

/** The wait after the `failedAttempts`-th failure; `random` ∈ [0, 1). */
export function backoffDelayMs(policy: BackoffPolicy, failedAttempts: number, random: () => number): number {
  const ceiling = backoffCeilingMs(policy, failedAttempts);
  return Math.max(Math.min(policy.minDelayMs, ceiling), Math.floor(random() * ceiling));
}

/**
 * After a failed attempt at `now`: the next attempt time, or null when the delivery has been
 * retried for the whole window and is now failed for good.
 */
export function nextAttemptAt(
  policy: BackoffPolicy,
  createdAt: Date,
  now: Date,
  failedAttempts: number,
  random: () => number,
): Date | null {
  if (now.getTime() - createdAt.getTime() >= policy.retryWindowMs) return null;
  return new Date(now.getTime() + backoffDelayMs(policy, failedAttempts, random));
}
