// What the ledger does with a target after its adapter failed: retry later, fail for good, settle
// through the adapter, or hand it to a person. Pure, so every branch has a test.
import { type BackoffPolicy, backoffDelayMs } from '@cadence/jobs/backoff';
import type { Failure } from './failure';

export interface AdapterCapabilities {
  /** The adapter can tell whether a post for this target exists (idempotency key, record key, lookup). */
  canFindExisting: boolean;
  /** The network deduplicates re-sends of one target (e.g. a delivery id the receiver keeps). */
  idempotentRetry: boolean;
}

export type FailureDecision =
  | { action: 'retry'; at: Date; reason: string }
  | { action: 'fail'; reason: string; reconnectChannel: boolean }
  | { action: 'reconcile'; at: Date; reason: string }
  | { action: 'unknown'; reason: string };

export function decideAfterFailure(input: {
  failure: Failure;
  /** Attempts made so far, this one included. */
  attempts: number;
  maxAttempts: number;
  capabilities: AdapterCapabilities;
  now: Date;
  random: () => number;
  policy?: BackoffPolicy;
}): FailureDecision {
  const { failure, capabilities, now } = input;
  switch (failure.kind) {
    case 'permanent':
      return { action: 'fail', reason: failure.reason, reconnectChannel: false };
    case 'auth_revoked':
      return {
        action: 'fail',
        reason: `${failure.reason}. Reconnect the channel, then retry.`,
        reconnectChannel: true,
      };
    case 'ambiguous':
      if (capabilities.canFindExisting) return { action: 'reconcile', at: now, reason: failure.reason };
      if (!capabilities.idempotentRetry) {
        return {
          action: 'unknown',
          reason: `${failure.reason}. The network cannot tell whether the post went out: check it and confirm.`,
        };
      }
      // The network drops a duplicate of this target, so trying again is as safe as a transient.
      return retryOrGiveUp(input);
    case 'transient':
    case 'rate_limited':
      return retryOrGiveUp(input);
  }
}

function retryOrGiveUp(input: Parameters<typeof decideAfterFailure>[0]): FailureDecision {
  const { failure, attempts, maxAttempts, now } = input;
  if (attempts >= maxAttempts) {
    return {
      action: 'fail',
      reason: `Gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${failure.reason}`,
      reconnectChannel: false,
    };
  }
  const delay = backoffDelayMs(attempts, {
    random: input.random,
    retryAfterMs: failure.retryAfterMs,
    ...(input.policy ? { policy: input.policy } : {}),
  });
  return { action: 'retry', at: new Date(now.getTime() + delay), reason: failure.reason };
}
