// Limits on password guessing (sign-in, and the current password when changing it).
//
// Hard limits (429) are only ever per address: per (account, address) and per address across
// accounts. An account as a whole is never locked, or anyone could lock a person out by failing
// on purpose from their own address; beyond a per-account ceiling each further attempt is slowed
// down instead, so guessing one password from many addresses stays slow while the right password
// from a new address still gets in.
//
// Every attempt counts, before the password is checked: counting only failures would let a burst
// of parallel attempts all pass the check before any of them is recorded. Counters live in this
// process's memory (per replica), like the API limits.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addressKey, rateLimited } from '../../plugins/security';

/** Attempts on one account from all addresses before further ones are slowed down. */
const ACCOUNT_CEILING_FACTOR = 10;
/** Attempts from one address across accounts (credential stuffing) before 429. */
const ADDRESS_FACTOR = 5;
/**
 * Beyond the account's ceiling, the wait before each attempt doubles each time the attempts
 * double: 0.5 s past 1x the ceiling, 1 s past 2x, 2 s past 4x, 4 s past 8x.
 */
const ACCOUNT_DELAY_TIERS = [
  { overCeilingTimes: 1, delayMs: 500 },
  { overCeilingTimes: 2, delayMs: 1_000 },
  { overCeilingTimes: 4, delayMs: 2_000 },
  { overCeilingTimes: 8, delayMs: 4_000 },
] as const;

export function attemptLimiter(
  app: FastifyInstance,
  options: { name: string; perMinute: number; account: (request: FastifyRequest) => string },
) {
  const { name, perMinute, account } = options;
  const window = { timeWindow: '1 minute' } as const;
  const perPair = app.createRateLimit({
    ...window,
    max: perMinute,
    keyGenerator: (req) => `${name}-pair:${account(req)}|${addressKey(req)}`,
  });
  const perAddress = app.createRateLimit({
    ...window,
    max: perMinute * ADDRESS_FACTOR,
    keyGenerator: (req) => `${name}-addr:${addressKey(req)}`,
  });
  const perAccountTiers = ACCOUNT_DELAY_TIERS.map((tier) => ({
    delayMs: tier.delayMs,
    limit: app.createRateLimit({
      ...window,
      max: perMinute * ACCOUNT_CEILING_FACTOR * tier.overCeilingTimes,
      keyGenerator: (req) => `${name}-acct${tier.overCeilingTimes}:${account(req)}`,
    }),
  }));

  /** Call before checking the password: refuses (429) or waits as the counters say. */
  return async function checkAttempt(request: FastifyRequest, reply: FastifyReply) {
    for (const limit of [perPair, perAddress]) {
      const result = await limit(request);
      if (!result.isAllowed && result.isExceeded) {
        throw rateLimited(reply, result.ttl, 'errors.limits.attempts');
      }
    }
    let delayMs = 0;
    for (const tier of perAccountTiers) {
      const result = await tier.limit(request);
      if (!result.isAllowed && result.isExceeded) delayMs = tier.delayMs;
    }
    if (delayMs === 0) return;
    // Someone is guessing this account's password from many addresses: worth an operator's look.
    request.log.warn({ limit: name, delayMs }, 'many password attempts on one account: slowing down');
    // A timer, not a busy wait: the event loop serves everyone else meanwhile.
    await sleep(delayMs);
  };
}
