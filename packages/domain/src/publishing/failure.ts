// How a failed publish is understood. Every adapter reports failures in these terms, so the
// publisher decides retry / fail / reconnect / reconcile in one place.

/**
 * - transient: the network did not take the post (connection refused, timeout before sending, 5xx):
 *   safe to try again.
 * - rate_limited: the network said "slow down" (429), optionally with when to come back.
 * - permanent: the network refused the post as it is (validation, too long, gone): trying again
 *   would get the same answer.
 * - auth_revoked: the credentials no longer work; the channel needs reconnecting.
 * - ambiguous: the request may have reached the network (timeout or reset after sending): posting
 *   again could duplicate it, so it must be reconciled, not blindly retried.
 */
export type FailureKind = 'transient' | 'rate_limited' | 'permanent' | 'auth_revoked' | 'ambiguous';

export interface Failure {
  kind: FailureKind;
  /** Human-readable, shown to the team as text. */
  reason: string;
  /** For rate_limited: how long the network asked us to wait. */
  retryAfterMs?: number | undefined;
  /** For rate_limited: the limit is the whole app's on this network, not this channel's. */
  networkWide?: boolean | undefined;
}

const MAX_REASON = 500;

export function failure(
  kind: FailureKind,
  reason: string,
  extra: Omit<Failure, 'kind' | 'reason'> = {},
): Failure {
  return { kind, reason: reason.slice(0, MAX_REASON), ...extra };
}

/** Retry-After is either seconds or an HTTP date; anything else is ignored. Capped at a day. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number | undefined;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) ms = Math.max(0, at - now.getTime());
  }
  return ms === undefined ? undefined : Math.min(ms, 24 * 60 * 60 * 1000);
}

/** What an HTTP status from a network means for the post. */
export function classifyHttpStatus(
  status: number,
  options: { retryAfter?: string | null | undefined; now: Date; bodyHint?: string | undefined },
): Failure | null {
  if (status >= 200 && status < 300) return null;
  const hint = options.bodyHint ? `: ${options.bodyHint}` : '';
  if (status === 429) {
    return failure('rate_limited', `The network asked to slow down (HTTP 429)${hint}`, {
      retryAfterMs: parseRetryAfter(options.retryAfter, options.now),
    });
  }
  if (status === 401 || status === 403) {
    return failure('auth_revoked', `The network refused the channel's credentials (HTTP ${status})${hint}`);
  }
  if (status === 408)
    return failure('transient', `The network timed out reading the request (HTTP 408)${hint}`);
  if (status >= 500) return failure('transient', `The network had an error (HTTP ${status})${hint}`);
  return failure('permanent', `The network refused the post (HTTP ${status})${hint}`);
}

function isFailure(value: unknown): value is Failure {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.reason === 'string';
}

/**
 * Turns whatever an adapter threw into a Failure. Adapters throw errors carrying `failure`; an
 * error they did not anticipate may have happened after the request left, so it is ambiguous:
 * the publisher reconciles instead of re-posting.
 */
export function toFailure(error: unknown): Failure {
  if (typeof error === 'object' && error !== null && 'failure' in error) {
    const carried = (error as { failure: unknown }).failure;
    if (isFailure(carried)) return carried;
  }
  const message = error instanceof Error ? error.message : String(error);
  return failure('ambiguous', `Unexpected error while publishing: ${message}`);
}
