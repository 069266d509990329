// The publisher loop, the same in its own process and inside `pnpm start`: each tick claims what
// is due (or about to be), timers fire each target at its instant, send batches run a few at a
// time, and expired leases and unknown targets are reconciled. stop() stops claiming, gives back
// what has not started and waits for what is in flight.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '@cadence/config';
import type { Db } from '@cadence/db';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import type { AdapterRegistry } from '@cadence/networks';
import {
  type ClaimedTarget,
  DEFAULT_OPTIONS,
  type PublisherDeps,
  type PublisherLogger,
  type PublisherOptions,
} from './deps';
import { claimDue } from './jobs/claim-due';
import { createInstantTimers } from './jobs/fire-at-instant';
import { beat } from './jobs/heartbeat';
import { reconcileExpiredLeases } from './jobs/reconcile-expired-leases';
import { reconcileUnknown } from './jobs/reconcile-unknown';
import { sendTargets } from './jobs/send-target';
import { releaseClaims } from './ledger/claim-due';

export interface PublisherInput {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  settings: Config['publisher'];
  logger: PublisherLogger;
  clock?: () => Date;
  random?: () => number;
  workerId?: string;
  options?: Partial<PublisherOptions>;
}

export interface Publisher {
  workerId: string;
  /** One pass: claim, reconcile when due, heartbeat when due. Safe to call while one is running. */
  tick(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when nothing is held, queued or being sent (tests). */
  idle(): Promise<void>;
  stats(): { held: number; sending: number; published: number };
}

export function createPublisher(input: PublisherInput): Publisher {
  const deps: PublisherDeps = {
    db: input.db,
    adapters: input.adapters,
    keyRing: input.keyRing,
    settings: input.settings,
    logger: input.logger,
    clock: input.clock ?? (() => new Date()),
    random: input.random ?? Math.random,
    workerId: input.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    options: { ...DEFAULT_OPTIONS, ...input.options },
  };
  const startedAt = deps.clock();
  const held = new Map<string, ClaimedTarget>();
  const ready: ClaimedTarget[] = [];
  const activeSends = new Set<Promise<void>>();
  let claiming: Promise<void> | null = null;
  let ticking: Promise<void> | null = null;
  let stopping = false;
  let published = 0;
  let lastReconcile = 0;
  let lastBeat = 0;
  let backlog = false;

  const report = (what: string) => (err: unknown) =>
    deps.logger.error({ err }, `${what} failed; will try again`);

  const pump = () => {
    while (!stopping && activeSends.size < deps.options.maxConcurrentSends && ready.length > 0) {
      const batch = ready.splice(0, deps.options.claimBatch);
      const run = sendTargets(deps, batch)
        .then((counts) => {
          published += counts.published;
        })
        // The rows stay claimed or sending in the database; their leases bring them back.
        .catch(report('a send batch'))
        .finally(() => {
          for (const t of batch) held.delete(t.id);
          activeSends.delete(run);
          pump();
          if (backlog) void claim();
        });
      activeSends.add(run);
    }
  };

  const timers = createInstantTimers(deps.clock, (targets) => {
    ready.push(...targets);
    pump();
  });

  const claim = (): Promise<void> => {
    if (stopping) return Promise.resolve();
    claiming ??= claimDue(
      deps,
      { room: () => deps.options.maxHeld - held.size, stopping: () => stopping },
      (rows) => {
        for (const r of rows) {
          held.set(r.id, r);
          timers.schedule(r);
        }
      },
    )
      .then(() => {
        backlog = held.size >= deps.options.maxHeld;
      })
      .catch(report('claiming'))
      .finally(() => {
        claiming = null;
      });
    return claiming;
  };

  const tickOnce = async () => {
    await claim();
    const now = deps.clock().getTime();
    if (now - lastReconcile >= deps.options.reconcileEveryMs) {
      lastReconcile = now;
      await reconcileExpiredLeases(deps).catch(report('reconciling expired leases'));
      await reconcileUnknown(deps).catch(report('reconciling unknown targets'));
    }
    if (now - lastBeat >= deps.options.heartbeatEveryMs) {
      lastBeat = now;
      await beat(deps, { startedAt, inFlight: held.size, published }).catch(report('the heartbeat'));
    }
  };

  return {
    workerId: deps.workerId,
    tick() {
      if (stopping) return Promise.resolve();
      ticking ??= tickOnce().finally(() => {
        ticking = null;
      });
      return ticking;
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      await ticking?.catch(() => {});
      await claiming?.catch(() => {});
      const unsent = [...timers.cancelAll(), ...ready.splice(0)];
      for (const t of unsent) held.delete(t.id);
      await releaseClaims(
        deps.db,
        deps.workerId,
        unsent.map((t) => t.id),
        deps.clock(),
      ).catch(report('releasing claims'));
      const deadline = new Promise((resolve) => setTimeout(resolve, deps.options.shutdownTimeoutMs).unref());
      await Promise.race([Promise.allSettled([...activeSends]), deadline]);
      await beat(deps, { startedAt, inFlight: held.size, published, stopped: true }).catch(
        report('the last heartbeat'),
      );
      deps.logger.info({ released: unsent.length, published }, 'publisher stopped');
    },
    async idle() {
      while (held.size > 0 || claiming || activeSends.size > 0) {
        await Promise.allSettled([...activeSends, claiming]);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    stats: () => ({ held: held.size, sending: activeSends.size, published }),
  };
}
