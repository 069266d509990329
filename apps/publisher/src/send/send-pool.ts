// At the instant: the `sending` commits in batches, the calls through a bounded pool, the answers
// recorded in batches. At most two commits and one outcome write run at a time per process: while
// they are in the database the next batch gathers by itself, so a burst makes few large statements
// and a trickle many small ones, without a timer waiting to fill a batch. A committed target's call starts at once, or at its
// instant when the commit was made ahead of it (`lead()`): `sending` is always in the database
// before the first byte, and the call never leaves before the post's second.
import { performance } from 'node:perf_hooks';
import { dueAt, type PublisherDeps } from '../deps';
import { type CommittedTarget, callCommitted, commitSending, type PreparedTarget } from '../jobs/send-target';
import { recordOutcomes, type SentTarget } from './record-outcomes';
import * as targetLedger from '@cadence/domain/publishing/target-ledger';

export interface SendPool {
  /** Targets whose instant has come (or is `lead()` ms away), in the order they should leave. */
  push(targets: readonly PreparedTarget[]): void;
  /** How long before its instant a target should be handed over: about two recent commit times. */
  lead(): number;
  /** Stops committing; returns the targets that never got to `sending`. */
  stop(): PreparedTarget[];
  /** Resolves when every committed target's outcome is recorded (or could not be). */
  drained(): Promise<void>;
  busy(): boolean;
  /** Targets being committed or called now. */
  inFlight(): number;
}

const OUTCOME_BATCH = 500;
/** `sending` commits in the database at once per process: the calls wait on them. */
const MAX_PARALLEL_COMMITS = 2;
/**
 * Outcome writes at once per process: one runs while the next batch gathers. Nothing waits on them,
 * so one at a time makes fewer, larger statements (a second in parallel took the few answers in
 * hand and cost 10-20% more CPU per target in the drain bench, decision 0320).
 */
const MAX_PARALLEL_RECORDS = 1;
const MIN_LEAD_MS = 5;
const MAX_LEAD_MS = 250;

export function createSendPool(
  deps: PublisherDeps,
  /** Called once per target when this process is done with it; `published` counts those that were. */
  finished: (ids: string[], published: number) => void,
): SendPool {
  // Ids between their commit and their outcome. A target whose claim expired while it waited here
  // can be claimed again by this same process and arrive a second time: the second copy must never
  // share a commit with the first (one `sending` row, two calls), so it is dropped while the first
  // is under way, and after that its `sending` commit finds the row no longer `claimed`.
  const active = new Set<string>();
  const done = (targetIds: string[], published: number) => {
    for (const id of targetIds) active.delete(id);
    finished(targetIds, published);
  };
  const queue: PreparedTarget[] = [];
  const committed: CommittedTarget[] = [];
  const answered: SentTarget[] = [];
  let calls = 0;
  let committing = 0; // targets in commits under way
  let commits = 0;
  let records = 0;
  let undoing = 0;
  let stopped = false;
  let commitMs = 20; // moving average of a commit's time, for the lead
  let callMs = 50; // moving average of a call's time, for how far ahead to commit
  let waiters: (() => void)[] = [];

  const report = (what: string) => (err: unknown) =>
    deps.logger.error({ err }, `${what} failed; will try again`);
  const busy = () => calls + committing + committed.length + answered.length + records + undoing > 0;
  const settle = () => {
    if (busy()) return;
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };

  const call = async (c: CommittedTarget) => {
    // Committed ahead of the instant: wait for it (timers may fire a millisecond early).
    for (let wait = dueAt(c.prepared.target).getTime() - deps.clock().getTime(); wait > 0; ) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = dueAt(c.prepared.target).getTime() - deps.clock().getTime();
    }
    const began = performance.now();
    answered.push(await callCommitted(deps, c));
    callMs = 0.9 * callMs + 0.1 * (performance.now() - began);
    calls--;
    startCalls();
    record();
  };

  const startCalls = () => {
    const late: CommittedTarget[] = [];
    while (calls < deps.options.maxConcurrentCalls && committed.length > 0) {
      const next = committed.shift();
      if (!next) break;
      // A call started later than this could outlive its `sending` lease (reconciliation would then
      // judge it while it runs): not sent here, handed back as never sent.
      if (deps.clock().getTime() - next.startedAt.getTime() >= deps.options.sendLeaseMarginMs) {
        late.push(next);
        continue;
      }
      calls++;
      void call(next);
    }
    if (late.length > 0) unsend(late);
    commit();
  };

  const unsend = (late: CommittedTarget[]) => {
    const targetIds = late.map((c) => c.prepared.target.id);
    undoing += late.length;
    targetLedger
      .unmarkSending(deps.db, { workerId: deps.workerId, ids: targetIds, now: deps.clock() })
      // Left `sending`: reconciliation settles them when their lease ends.
      .catch(report('handing back unsent targets'))
      .finally(() => {
        undoing -= late.length;
        done(targetIds, 0);
        settle();
      });
  };

  // Committed ahead of the calls so that the pool never waits on the database, but no further than
  // the calls in flight can absorb within half the lease margin: a target must not wait so long for
  // a slot that its call could outlive its `sending` lease (then it is handed back, see startCalls).
  const ahead = () => {
    const absorbable = (deps.options.maxConcurrentCalls * deps.options.sendLeaseMarginMs) / (2 * callMs);
    return Math.max(1, Math.min(deps.options.claimBatch, Math.floor(absorbable)));
  };

  const commit = () => {
    if (stopped || commits >= MAX_PARALLEL_COMMITS || queue.length === 0) return;
    const limit = ahead();
    const room = limit - committed.length - committing;
    if (room <= 0) return;
    // A long queue waits for a worthwhile batch rather than committing targets one by one.
    if (room < queue.length && room < Math.ceil(limit / 4)) return;
    const batch: PreparedTarget[] = [];
    while (batch.length < room && queue.length > 0) {
      const next = queue.shift();
      if (!next || active.has(next.target.id)) continue;
      active.add(next.target.id);
      batch.push(next);
    }
    if (batch.length === 0) return;
    commits++;
    committing += batch.length;
    const began = performance.now();
    commitSending(deps, batch)
      .then(({ going, dropped }) => {
        commitMs = 0.8 * commitMs + 0.2 * (performance.now() - began);
        if (dropped.length) done(ids(dropped), 0);
        committed.push(...going);
      })
      .catch(async (err: unknown) => {
        report('committing sends')(err);
        // Nothing was called: those still `claimed` go back at once (a row that did reach
        // `sending` is not touched here; reconciliation settles it when its lease ends).
        await targetLedger
          .releaseClaims(deps.db, deps.workerId, ids(batch), deps.clock())
          .catch(report('releasing claims'));
        done(ids(batch), 0);
      })
      .finally(() => {
        commits--;
        committing -= batch.length;
        startCalls();
        settle();
      });
    commit();
  };

  const record = () => {
    if (records >= MAX_PARALLEL_RECORDS || answered.length === 0) return;
    const batch = answered.splice(0, OUTCOME_BATCH);
    records++;
    const targetIds = batch.map((s) => s.target.id);
    recordOutcomes(deps, batch)
      .then((counts) => done(targetIds, counts.published))
      // The rows stay `sending` under our lease; when it ends, reconciliation settles them.
      .catch((err: unknown) => {
        report('recording outcomes')(err);
        done(targetIds, 0);
      })
      .finally(() => {
        records--;
        record();
        settle();
      });
  };

  return {
    push(targets) {
      // Late targets (handed back from a gone worker, a backlog) go before those still on time,
      // behind only the late ones already waiting: the on-time ones still have their lead.
      const now = deps.clock().getTime();
      const isLate = (p: PreparedTarget) => dueAt(p.target).getTime() < now;
      const late = targets.filter(isLate);
      if (late.length > 0) {
        const firstOnTime = queue.findIndex((p) => !isLate(p));
        queue.splice(firstOnTime === -1 ? queue.length : firstOnTime, 0, ...late);
      }
      queue.push(...targets.filter((p) => !isLate(p)));
      commit();
    },
    lead: () => Math.min(MAX_LEAD_MS, Math.max(MIN_LEAD_MS, Math.ceil((2 * commitMs) / 5) * 5)),
    stop() {
      stopped = true;
      return queue.splice(0);
    },
    drained: () => (busy() ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    busy,
    inFlight: () => calls + committing + committed.length,
  };
}

const ids = (targets: readonly PreparedTarget[]) => targets.map((t) => t.target.id);
