// The last look before a target leaves: the world may have changed since the post was approved.
import { sentenceOf } from '@cadence/messages';
import type { Violation } from '../charter/schemas';

export type SendVerdict =
  | { verdict: 'send' }
  | { verdict: 'hold'; reason: string }
  | { verdict: 'missed'; reason: string };

/** Post statuses in which a target may still go out (the last three when a person retries). */
const SENDABLE_POST: ReadonlySet<string> = new Set([
  'approved',
  'scheduled',
  'publishing',
  'partially_published',
  'failed',
]);

export interface SendCheckInput {
  postStatus: string;
  channelStatus: 'connected' | 'needs_reconnect' | 'disconnected';
  channelStatusReason?: string | null | undefined;
  scheduledAt: Date;
  /** Set for a retry or a person's "send now": the grace period is about the first try only. */
  nextAttemptAt: Date | null;
  now: Date;
  graceMs: number;
  /** What the charter in force says about this target now (all severities; only blocking ones hold). */
  violations: readonly Violation[];
}

export function checkBeforeSend(input: SendCheckInput): SendVerdict {
  if (!SENDABLE_POST.has(input.postStatus)) {
    return {
      verdict: 'hold',
      reason: `The post is no longer approved (it is ${input.postStatus.replace('_', ' ')})`,
    };
  }
  if (input.channelStatus !== 'connected') {
    const why = input.channelStatusReason ? `: ${input.channelStatusReason}` : '';
    const what = input.channelStatus === 'needs_reconnect' ? 'needs reconnecting' : 'is disconnected';
    return { verdict: 'hold', reason: `The channel ${what}${why}` };
  }
  const lateMs = input.now.getTime() - input.scheduledAt.getTime();
  if (input.nextAttemptAt === null && lateMs > input.graceMs) {
    const minutes = Math.round(lateMs / 60_000);
    return {
      verdict: 'missed',
      reason: `No publisher was running at the scheduled time; ${minutes} minute${minutes === 1 ? '' : 's'} late is past the grace period. Send it now or reschedule.`,
    };
  }
  const blocking = input.violations.filter((v) => v.severity === 'block');
  if (blocking.length > 0) {
    return {
      verdict: 'hold',
      reason: `The charter now blocks this post: ${blocking.map((v) => sentenceOf('en', v)).join(' ')}`.slice(
        0,
        500,
      ),
    };
  }
  return { verdict: 'send' };
}
