// When a network says when to come back. Networks spell it differently: Retry-After (seconds or
// an HTTP date), X's x-rate-limit-reset (Unix seconds), Bluesky's ratelimit-reset (Unix seconds)
// and Mastodon's X-RateLimit-Reset (an ISO 8601 time; note: no dash between rate and limit).
import { parseRetryAfter } from '@cadence/domain/publishing/failure';
import type { SafeResponse } from '../safe-http';
import { header } from './call';

const DAY_MS = 24 * 60 * 60 * 1000;

export function retryAfterMs(response: SafeResponse, now: Date): number | undefined {
  const retryAfter = parseRetryAfter(header(response, 'retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  const reset =
    header(response, 'x-rate-limit-reset') ??
    header(response, 'x-ratelimit-reset') ??
    header(response, 'ratelimit-reset');
  if (!reset) return undefined;
  const trimmed = reset.trim();
  let at: number;
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    // Small numbers are "seconds from now" (the IETF draft), large ones a Unix time.
    at = n < 1_000_000_000 ? now.getTime() + n * 1000 : n * 1000;
  } else {
    at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
  }
  return Math.min(Math.max(0, at - now.getTime()), DAY_MS);
}
