// The publisher: the target ledger's work on the process's job runner. A periodic task claims what
// is due (or about to be), timers fire each target at its instant into the send pool (batched
// `sending` commits, a bounded number of calls at once), and another task hands back the targets of gone workers and reconciles unknown ones. The
// runner's heartbeat says this process is alive. stop() stops claiming, gives back what has not
// started and waits for what is in flight.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Config } from '@cadence/config';
import type { Db } from '@cadence/db';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import { createJobRunner, type JobRunner } from '@cadence/jobs';
import type { AdapterRegistry } from '@cadence/networks';
import {
  type ClaimedTarget,
  DEFAULT_OPTIONS,
  dueAt,
  type PublisherDeps,
  type PublisherLogger,
  type PublisherOptions,
} from './deps';
import { claimDue } from './jobs/claim-due';
import { createInstantTimers } from './jobs/fire-at-instant';
import { reconcileExpiredLeases } from './jobs/reconcile-expired-leases';
import { reconcileUnknown } from './jobs/reconcile-unknown';
import { type PreparedTarget, prepareTargets } from './jobs/send-target';
import { createSendPool } from './send/send-pool';
import * as targetLedger from '@cadence/domain/publishing/target-ledger';

export interface PublisherInput {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  settings: Config['publisher'];
  logger: PublisherLogger;
  /** The process's job runner; without one the publisher makes its own (tests). */
  runner?: JobRunner;
  clock?: () => Date;
  random?: () => number;
  workerId?: string;
  options?: Partial<PublisherOptions>;
}

export interface Publisher {
  workerId: string;
  runner: JobRunner;
  /** One pass of every task on the runner: beat, claim, hand back, reconcile. Safe to call while one is running. */
  tick(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when nothing is held, queued or being sent (tests). */
  idle(): Promise<void>;
  stats(): { held: number; sending: number; published: number };
}

export function createPublisher(input: PublisherInput): Publisher {
  const clock = input.clock ?? (() => new Date());
  const options = { ...DEFAULT_OPTIONS, ...input.options };
  const ownRunner = !input.runner;
  const runner =
    input.runner ??
    createJobRunner({
      db: input.db,
      workerId: input.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      logger: input.logger,
      clock,
      ...(input.random ? { random: input.random } : {}),
      report: () => ({ inFlight: held.size, published }),
    });
  const deps: PublisherDeps = {
    db: input.db,
    adapters: input.adapters,
    keyRing: input.keyRing,
    settings: input.settings,
    logger: input.logger,
    clock,
    random: input.random ?? Math.random,
    workerId: runner.workerId,
    options,
  };
  const held = new Map<string, ClaimedTarget>();
  const preparing = new Set<Promise<void>>();
  let claiming: Promise<void> | null = null;
  let claimAgain = false;
  let stopping = false;
  let published = 0;
  let backlog = false;

  const report = (what: string) => (err: unknown) =>
    deps.logger.error({ err }, `${what} failed; will try again`);

  const pool = createSendPool(deps, (ids, sent) => {
    published += sent;
    for (const id of ids) held.delete(id);
    if (backlog) void claim();
  });

  // Handed to the pool a little before the instant (about two commit times), so that `sending` is
  // committed by then and the call leaves on the instant itself.
  const timers = createInstantTimers<PreparedTarget>(
    deps.clock,
    (p) => dueAt(p.target).getTime() - pool.lead(),
    (targets) => pool.push(targets),
  );

  const giveBack = (ids: string[]) => {
    for (const id of ids) held.delete(id);
    return targetLedger
      .releaseClaims(deps.db, deps.workerId, ids, deps.clock())
      .catch(report('releasing claims'));
  };

  // Everything but the `sending` commit and the call happens now, before the instant.
  const prepareBatch = (rows: ClaimedTarget[]) => {
    const began = performance.now();
    const run = prepareTargets(deps, rows)
      .then(async (go) => {
        const going = new Set(go.map((g) => g.target.id));
        // Held, missed and rate-limit waits were settled without a call: no longer ours.
        for (const r of rows) if (!going.has(r.id)) held.delete(r.id);
        if (stopping) await giveBack([...going]);
        else for (const g of go) timers.schedule(g);
        logOverdue(rows, began);
      })
      // Nothing was sent: give the targets back so that the next claim (ours or another's) retries.
      .catch(async (err: unknown) => {
        report('preparing a batch')(err);
        await giveBack(rows.map((r) => r.id));
      })
      .finally(() => preparing.delete(run));
    preparing.add(run);
  };

  // Targets already late (handed back by a gone worker, or a backlog) are prepared as a batch of
  // their own, so that they do not wait for the reads and rate-window takes of the look-ahead
  // targets claimed with them, which have seconds to spare.
  const prepare = (rows: ClaimedTarget[]) => {
    const now = deps.clock().getTime();
    const late = rows.filter((r) => dueAt(r).getTime() <= now);
    const ahead = rows.filter((r) => dueAt(r).getTime() > now);
    if (late.length > 0) prepareBatch(late);
    if (ahead.length > 0) prepareBatch(ahead);
  };

  // How long late targets spent in this process before their timers: the hand-back's tail is
  // judged from these lines against the attempt log (bench/results.md, kill -9 section).
  const logOverdue = (rows: ClaimedTarget[], began: number) => {
    const now = deps.clock().getTime();
    const lateBy = rows.map((r) => now - dueAt(r).getTime()).filter((ms) => ms > 0);
    if (lateBy.length === 0) return;
    deps.logger.info(
      {
        targets: lateBy.length,
        maxLateMs: Math.max(...lateBy),
        prepareMs: Math.round(performance.now() - began),
      },
      'late targets prepared',
    );
  };

  const claim = (): Promise<void> => {
    // Not before our first heartbeat is in the database: if we died holding claims before it, no
    // one could see us gone and the targets would wait out their lease (30 s past their instant).
    if (stopping || !runner.beating()) return Promise.resolve();
    if (claiming) {
      claimAgain = true;
      return claiming;
    }
    claiming = claimDue(
      deps,
      { room: () => deps.options.maxHeld - held.size, stopping: () => stopping },
      (rows) => {
        for (const r of rows) held.set(r.id, r);
        prepare(rows);
      },
    )
      .then(() => {
        backlog = held.size >= deps.options.maxHeld;
      })
      .catch(report('claiming'))
      .finally(() => {
        claiming = null;
        // Targets were handed back while this claim ran: it may not have seen them.
        if (claimAgain) {
          claimAgain = false;
          void claim();
        }
      });
    return claiming;
  };

  // Gone workers' targets come back in seconds (missed heartbeats), not at the end of their leases.
  const reconcile = async () => {
    if (stopping) return;
    const gone = runner.goneWorkers() ?? undefined;
    const back = await reconcileExpiredLeases(deps, gone).catch(report('handing back targets'));
    // Handed back targets are late already: claim them now rather than at the next claim tick.
    if (back && back.released > 0) void claim();
    // A webhook (or any network that drops duplicates) is sent again at once after its check:
    // claim it now rather than at the next claim tick.
    const checked = await reconcileUnknown(deps, gone).catch(report('reconciling unknown targets'));
    if (checked && checked > 0) void claim();
  };

  runner.every('publisher:claim', input.settings.tickSeconds * 1000, claim);
  runner.every('publisher:reconcile', options.reconcileEveryMs, reconcile);

  return {
    workerId: deps.workerId,
    runner,
    tick: () => (stopping ? Promise.resolve() : runner.runOnce()),
    async stop() {
      if (stopping) return;
      stopping = true;
      await claiming?.catch(() => {});
      await Promise.allSettled([...preparing]);
      const unsent = [...timers.cancelAll(), ...pool.stop()].map((p) => p.target.id);
      await giveBack(unsent);
      const deadline = new Promise((resolve) => setTimeout(resolve, deps.options.shutdownTimeoutMs).unref());
      await Promise.race([pool.drained(), deadline]);
      if (ownRunner) await runner.stop();
      deps.logger.info({ released: unsent.length, published }, 'publisher stopped');
    },
    async idle() {
      while (held.size > 0 || claiming || pool.busy() || preparing.size > 0) {
        await Promise.allSettled([pool.drained(), ...preparing, claiming]);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    stats: () => ({ held: held.size, sending: pool.inFlight(), published }),
  };
}
