// A post's publishing status follows from its targets' ledger rows.
import type { targetStatusEnum } from '@cadence/db';

export type TargetStatus = (typeof targetStatusEnum.enumValues)[number];
export type DerivedPostStatus = 'scheduled' | 'publishing' | 'published' | 'partially_published' | 'failed';

const IN_FLIGHT: ReadonlySet<TargetStatus> = new Set(['claimed', 'sending', 'unknown']);
const NOT_SENT: ReadonlySet<TargetStatus> = new Set(['failed', 'held', 'missed']);

/**
 * - every live target published: published
 * - some published and the rest settled without going out: partially_published
 * - none published and all settled without going out: failed
 * - anything still on its way (claimed, sending, unknown, or a retry waiting): publishing
 * - nothing started yet: scheduled
 * Cancelled targets do not count. A held or missed target counts as not sent: the post did not go
 * out on time there, and the target's reason says what a person should decide.
 * Only which (status, attempts > 0) pairs occur matters, not how many targets have each:
 * syncLockedPostStatuses reads one row per pair (a test holds this).
 */
export function derivePostStatus(
  targets: readonly { status: TargetStatus; attempts: number }[],
): DerivedPostStatus | null {
  const live = targets.filter((t) => t.status !== 'cancelled');
  if (live.length === 0) return null;
  const published = live.filter((t) => t.status === 'published').length;
  const notSent = live.filter((t) => NOT_SENT.has(t.status)).length;
  const waiting = live.filter((t) => t.status === 'scheduled' || t.status === 'pending');
  const inFlight = live.some((t) => IN_FLIGHT.has(t.status));
  if (inFlight) return 'publishing';
  if (waiting.length > 0) {
    const started = published > 0 || notSent > 0 || waiting.some((t) => t.attempts > 0);
    return started ? 'publishing' : 'scheduled';
  }
  if (published === live.length) return 'published';
  return published > 0 ? 'partially_published' : 'failed';
}
