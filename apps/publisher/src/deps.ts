// What every publisher job receives: the outside world (database, networks, clock, randomness)
// passed in as a plain object, so tests run the real jobs against fakes.
import type { Config } from '@cadence/config';
import type { Db } from '@cadence/db';
import type { BackoffPolicy } from '@cadence/jobs/backoff';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import type { ClaimedTarget } from '@cadence/domain/publishing/target-ledger';
import type { AdapterRegistry } from '@cadence/networks';

export interface PublisherOptions {
  /** Targets due within this much time are claimed early and fired by a timer at their instant. */
  lookAheadMs: number;
  claimBatch: number;
  /** The most claimed-but-not-finished targets one process holds: the rest stay claimable by others. */
  maxHeld: number;
  /** Network calls (with their `sending` commits) under way at once in one process. */
  maxConcurrentCalls: number;
  /** How long after its instant a claimed target stays ours if we never start sending it. */
  claimLeaseMs: number;
  /** A network call is aborted after this long. */
  sendTimeoutMs: number;
  /** The `sending` lease outlives the call's time limit by this much, so a live call never loses it. */
  sendLeaseMarginMs: number;
  reconcileEveryMs: number;
  shutdownTimeoutMs: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_OPTIONS: PublisherOptions = {
  lookAheadMs: 3_000,
  claimBatch: 500,
  maxHeld: 5_000,
  maxConcurrentCalls: 64,
  claimLeaseMs: 30_000,
  sendTimeoutMs: 20_000,
  sendLeaseMarginMs: 10_000,
  reconcileEveryMs: 1_000,
  shutdownTimeoutMs: 10_000,
  backoff: { baseMs: 2_000, maxMs: 15 * 60_000 },
};

type LogFn = (obj: object | string, msg?: string) => void;
/** What the publisher needs of a logger: pino's shape, so Fastify's logger fits too. */
export interface PublisherLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface PublisherDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  settings: Config['publisher'];
  clock: () => Date;
  random: () => number;
  workerId: string;
  logger: PublisherLogger;
  options: PublisherOptions;
}

/** A target this process holds, as the ledger's claim returned it. */
export type { ClaimedTarget };

/** When the target should leave: its retry time if it has one, else its scheduled instant. */
export const dueAt = (t: Pick<ClaimedTarget, 'scheduledAt' | 'nextAttemptAt'>) =>
  t.nextAttemptAt ?? t.scheduledAt;
