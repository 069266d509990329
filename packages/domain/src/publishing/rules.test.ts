import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../charter/schemas';
import { backoffDelayMs } from '@cadence/jobs/backoff';
import { decideAfterFailure } from './decide-after-failure';
import { classifyHttpStatus, failure, parseRetryAfter, toFailure } from './failure';
import { targetStatusEnum } from '@cadence/db';
import { derivePostStatus, type TargetStatus } from './post-status';
import { checkBeforeSend } from './send-checks';

const now = new Date('2026-03-10T10:00:00Z');

describe('backoff', () => {
  it('grows exponentially within [cap/2, cap] and stops at the maximum', () => {
    const policy = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelayMs(1, { policy, random: () => 0 })).toBe(500);
    expect(backoffDelayMs(1, { policy, random: () => 0.999999 })).toBe(1000);
    expect(backoffDelayMs(4, { policy, random: () => 0 })).toBe(4000);
    expect(backoffDelayMs(40, { policy, random: () => 0.5 })).toBe(45_000);
  });
  it('spreads a crowd: different random draws give different delays', () => {
    const delays = new Set([0.1, 0.4, 0.7].map((r) => backoffDelayMs(3, { random: () => r })));
    expect(delays.size).toBe(3);
  });
  it('never comes back before the network said to', () => {
    expect(backoffDelayMs(1, { random: () => 0, retryAfterMs: 90_000 })).toBe(90_000);
  });
});

describe('failure classification', () => {
  it('reads HTTP statuses', () => {
    expect(classifyHttpStatus(201, { now })).toBeNull();
    expect(classifyHttpStatus(503, { now })?.kind).toBe('transient');
    expect(classifyHttpStatus(408, { now })?.kind).toBe('transient');
    expect(classifyHttpStatus(401, { now })?.kind).toBe('auth_revoked');
    expect(classifyHttpStatus(422, { now, bodyHint: 'too long' })).toMatchObject({
      kind: 'permanent',
      reason: 'The network refused the post (HTTP 422): too long',
    });
    expect(classifyHttpStatus(429, { now, retryAfter: '30' })).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 30_000,
    });
  });
  it('reads Retry-After as seconds or a date, ignores nonsense', () => {
    expect(parseRetryAfter('Tue, 10 Mar 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('99999999', now)).toBe(24 * 60 * 60 * 1000);
  });
  it('treats an error nobody anticipated as ambiguous, never as safe to retry', () => {
    expect(toFailure(new Error('socket hang up')).kind).toBe('ambiguous');
    expect(toFailure({ failure: failure('permanent', 'nope') }).kind).toBe('permanent');
  });
});

describe('decideAfterFailure', () => {
  const base = {
    attempts: 1,
    maxAttempts: 3,
    now,
    random: () => 0.5,
    capabilities: { canFindExisting: false, idempotentRetry: false },
  };
  it('retries transient and rate-limited failures until the limit, then fails with the reason', () => {
    const retry = decideAfterFailure({ ...base, failure: failure('transient', 'HTTP 502') });
    expect(retry.action).toBe('retry');
    if (retry.action === 'retry') expect(retry.at.getTime()).toBeGreaterThan(now.getTime());
    const limited = decideAfterFailure({
      ...base,
      failure: failure('rate_limited', '429', { retryAfterMs: 120_000 }),
    });
    expect(limited).toMatchObject({ action: 'retry', at: new Date(now.getTime() + 120_000) });
    expect(decideAfterFailure({ ...base, attempts: 3, failure: failure('transient', 'HTTP 502') })).toEqual({
      action: 'fail',
      reason: 'Gave up after 3 attempts: HTTP 502',
      reconnectChannel: false,
    });
  });
  it('fails permanent errors at once and asks for a reconnect on revoked credentials', () => {
    expect(decideAfterFailure({ ...base, failure: failure('permanent', 'too long') })).toMatchObject({
      action: 'fail',
      reconnectChannel: false,
    });
    expect(decideAfterFailure({ ...base, failure: failure('auth_revoked', 'HTTP 401') })).toMatchObject({
      action: 'fail',
      reconnectChannel: true,
    });
  });
  it('never re-posts on an ambiguous failure unless the network can find or deduplicate', () => {
    const amb = failure('ambiguous', 'timeout after sending');
    expect(decideAfterFailure({ ...base, failure: amb }).action).toBe('unknown');
    expect(
      decideAfterFailure({
        ...base,
        failure: amb,
        capabilities: { canFindExisting: true, idempotentRetry: false },
      }).action,
    ).toBe('reconcile');
    expect(
      decideAfterFailure({
        ...base,
        failure: amb,
        capabilities: { canFindExisting: false, idempotentRetry: true },
      }).action,
    ).toBe('retry');
  });
});

describe('derivePostStatus', () => {
  const t = (...statuses: TargetStatus[]) => statuses.map((status) => ({ status, attempts: 0 }));
  it('covers every outcome', () => {
    expect(derivePostStatus(t('scheduled', 'scheduled'))).toBe('scheduled');
    expect(derivePostStatus(t('published', 'scheduled'))).toBe('publishing');
    expect(derivePostStatus(t('claimed', 'scheduled'))).toBe('publishing');
    expect(derivePostStatus(t('published', 'unknown'))).toBe('publishing');
    expect(derivePostStatus(t('published', 'published', 'cancelled'))).toBe('published');
    expect(derivePostStatus(t('published', 'failed'))).toBe('partially_published');
    expect(derivePostStatus(t('published', 'held'))).toBe('partially_published');
    expect(derivePostStatus(t('failed', 'missed'))).toBe('failed');
    expect(derivePostStatus([{ status: 'scheduled', attempts: 2 }])).toBe('publishing');
    expect(derivePostStatus(t('cancelled'))).toBeNull();
  });
  // syncLockedPostStatuses reads one row per (status, attempts > 0) of a post, not every target.
  it('depends only on which (status, started) pairs occur, not on how many of each', () => {
    const target = fc.record({
      status: fc.constantFrom(...targetStatusEnum.enumValues),
      attempts: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(target, { maxLength: 12 }), (targets) => {
        const pairs = new Map(targets.map((x) => [`${x.status}|${x.attempts > 0}`, x]));
        const onePerPair = [...pairs.values()].map((x) => ({ ...x, attempts: x.attempts > 0 ? 1 : 0 }));
        expect(derivePostStatus(onePerPair)).toBe(derivePostStatus(targets));
      }),
    );
  });
});

describe('checkBeforeSend', () => {
  const ok = {
    postStatus: 'scheduled',
    channelStatus: 'connected' as const,
    scheduledAt: new Date(now.getTime() - 5_000),
    nextAttemptAt: null,
    now,
    graceMs: 60 * 60_000,
    violations: [] as Violation[],
  };
  const blackout: Violation = {
    rule: 'blackoutDates',
    severity: 'block',
    field: 'schedule',
    messageCode: 'charter.blackoutWithReason',
    params: { day: '2025-06-01', reason: 'launch day' },
  };
  it('sends when nothing changed', () => {
    expect(checkBeforeSend(ok)).toEqual({ verdict: 'send' });
  });
  it('holds when the approval, the channel or the charter changed', () => {
    expect(checkBeforeSend({ ...ok, postStatus: 'draft' })).toMatchObject({ verdict: 'hold' });
    expect(
      checkBeforeSend({ ...ok, channelStatus: 'needs_reconnect', channelStatusReason: 'token revoked' }),
    ).toEqual({
      verdict: 'hold',
      reason: 'The channel needs reconnecting: token revoked',
    });
    expect(checkBeforeSend({ ...ok, violations: [blackout] })).toEqual({
      verdict: 'hold',
      reason: 'The charter now blocks this post: 1 June 2025 falls in a blackout period (launch day).',
    });
    expect(checkBeforeSend({ ...ok, violations: [{ ...blackout, severity: 'warn' }] })).toEqual({
      verdict: 'send',
    });
  });
  it('sends late within the grace period, else marks missed; retries are not "late"', () => {
    const late = new Date(now.getTime() - 61 * 60_000);
    expect(checkBeforeSend({ ...ok, scheduledAt: new Date(now.getTime() - 59 * 60_000) }).verdict).toBe(
      'send',
    );
    expect(checkBeforeSend({ ...ok, scheduledAt: late }).verdict).toBe('missed');
    expect(checkBeforeSend({ ...ok, scheduledAt: late, nextAttemptAt: now }).verdict).toBe('send');
  });
});
