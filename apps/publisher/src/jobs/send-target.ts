// A claimed target goes out in two steps. Prepare (as soon as it is claimed, up to the look-ahead
// before its instant): load what the checks need, run the send-time checks as at its instant, take
// its place in the rate window of its instant when that window is still to come, settle holds,
// misses and waits, and build the request. Send (at the instant): the `sending` commit and the
// call (plus the rate-window take of targets already due when prepared: counted when they go, so
// a slow batch cannot spend one window's allowance in the next), then the outcome. The send pool
// (send/send-pool.ts) runs the second step: batched commits, a bounded number of calls at once. `sending` is
// still committed BEFORE any network is called, so a crash mid-call leaves a trace to reconcile.
import { failure } from '@cadence/domain/publishing/failure';
import * as targetLedger from '@cadence/domain/publishing/target-ledger';
import type { PublishRequest, RateAllowance } from '@cadence/networks';
import { type ClaimedTarget, dueAt, type PublisherDeps } from '../deps';
import { publishOnce } from '../send/call-adapter';
import { channelKey, loadSendContext, networkKey, type SendContext } from '../send/load-send-context';
import { planBatch } from '../send/plan-batch';
import { takeFromWindows, type WindowRequest, windowOf } from '../send/rate-limits';
import { type SentTarget, settleWithoutSending } from '../send/record-outcomes';

interface Limit {
  key: string;
  allowance: RateAllowance;
}

export interface PreparedTarget {
  target: ClaimedTarget;
  request: PublishRequest;
  /** Limits whose window is taken when the target goes (it was already due when prepared). */
  takeAtSend: Limit[];
}

const laterOf = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export async function prepareTargets(
  deps: PublisherDeps,
  targets: readonly ClaimedTarget[],
): Promise<PreparedTarget[]> {
  if (targets.length === 0) return [];
  const now = deps.clock();
  const ctx = await loadSendContext(deps.db, targets, now);
  // Judged as when it leaves: a target prepared before its instant is not "early", nor late.
  const plan = planBatch(deps, targets, ctx, (t) => laterOf(now, dueAt(t)));
  const prepared: PreparedTarget[] = [];
  const early: { item: PreparedTarget; limits: Limit[]; at: Date }[] = [];
  for (const g of plan.go) {
    const at = laterOf(now, dueAt(g.target));
    const limits = limitsOf(deps, ctx, g.target);
    const future = limits.filter((l) => windowOf(at, l.allowance).start.getTime() > now.getTime());
    const item = { ...g, takeAtSend: limits.filter((l) => !future.includes(l)) };
    prepared.push(item);
    if (future.length) early.push({ item, limits: future, at });
  }
  const waiting = await takeWindows(deps, early);
  plan.wait.push(...[...waiting].map(([item, until]) => ({ target: item.target, until })));
  await settleWithoutSending(deps, plan, now);
  return prepared.filter((p) => !waiting.has(p));
}

/** A target whose `sending` is committed: its call may start (at its instant, not before). */
export interface CommittedTarget {
  prepared: PreparedTarget;
  attempts: number;
  startedAt: Date;
}

/**
 * The `sending` commit for a batch, one statement whatever its size (plus the rate-window take of
 * targets already due when prepared). Returns what may be called now, and the targets that will not
 * be sent by this process (rate-limit waits, lost leases, disconnected channels: given back).
 */
export async function commitSending(
  deps: PublisherDeps,
  batch: readonly PreparedTarget[],
): Promise<{ going: CommittedTarget[]; dropped: PreparedTarget[] }> {
  if (batch.length === 0) return { going: [], dropped: [] };
  let prepared = batch;
  const dropped: PreparedTarget[] = [];
  const due = batch.filter((p) => p.takeAtSend.length > 0);
  if (due.length > 0) {
    const now = deps.clock();
    const waiting = await takeWindows(
      deps,
      due.map((item) => ({ item, limits: item.takeAtSend, at: now })),
    );
    if (waiting.size > 0) {
      const wait = [...waiting].map(([item, until]) => ({ target: item.target, until }));
      await settleWithoutSending(deps, { hold: [], missed: [], wait }, now);
      prepared = batch.filter((p) => !waiting.has(p));
      dropped.push(...waiting.keys());
    }
  }
  if (prepared.length === 0) return { going: [], dropped };
  const startedAt = deps.clock();
  const attemptsById = await targetLedger.markSending(deps.db, {
    workerId: deps.workerId,
    ids: prepared.map((g) => g.target.id),
    now: startedAt,
    leaseMs: deps.options.sendTimeoutMs + deps.options.sendLeaseMarginMs,
  });
  // Targets whose lease we lost in the meantime are someone else's now: not sent here. Those still
  // ours whose channel was disconnected since they were prepared go back, to be held when claimed.
  const lost = prepared.filter((g) => !attemptsById.has(g.target.id));
  if (lost.length > 0) {
    await targetLedger.releaseClaims(
      deps.db,
      deps.workerId,
      lost.map((g) => g.target.id),
      startedAt,
    );
    dropped.push(...lost);
  }
  const going = prepared
    .filter((g) => attemptsById.has(g.target.id))
    .map((g) => ({ prepared: g, attempts: attemptsById.get(g.target.id) ?? 1, startedAt }));
  return { going, dropped };
}

/** The network call of a committed target; never throws (a failure is an outcome to record). */
export async function callCommitted(deps: PublisherDeps, c: CommittedTarget): Promise<SentTarget> {
  const { target, request } = c.prepared;
  const adapter = deps.adapters[target.network];
  const result = adapter
    ? await publishOnce(adapter, request, deps.options.sendTimeoutMs)
    : { ok: false as const, failure: failure('permanent', `No adapter for ${target.network}`) };
  return { target, attempts: c.attempts, startedAt: c.startedAt, result };
}

/** A channel's own limit (channels.send_limit), else its adapter's; and the adapter's app-wide one. */
function limitsOf(deps: PublisherDeps, ctx: SendContext, target: ClaimedTarget): Limit[] {
  const declared = deps.adapters[target.network]?.rateLimit;
  const own = ctx.channels.get(target.channelId)?.sendLimit;
  const perChannel = own ? { max: own.max, perMs: own.perSeconds * 1000 } : declared?.perChannel;
  const limits: Limit[] = [];
  if (perChannel) limits.push({ key: channelKey(target.channelId), allowance: perChannel });
  if (declared?.perNetwork) limits.push({ key: networkKey(target.network), allowance: declared.perNetwork });
  return limits;
}

/**
 * Each item takes a place in the fixed window (at `at`) of each of its limits, shared by every
 * process; returns the items that got no place, with when to try again.
 */
async function takeWindows<T>(
  deps: PublisherDeps,
  items: readonly { item: T; limits: Limit[]; at: Date }[],
): Promise<Map<T, Date>> {
  type Group = { request: Omit<WindowRequest, 'wanted'>; items: T[] };
  const groups = new Map<string, Group>();
  for (const { item, limits, at } of items) {
    for (const { key, allowance } of limits) {
      const windowKey = `${key}|${windowOf(at, allowance).start.getTime()}`;
      const g = groups.get(windowKey) ?? { request: { key, allowance, at }, items: [] };
      g.items.push(item);
      groups.set(windowKey, g);
    }
  }
  const waiting = new Map<T, Date>();
  if (groups.size === 0) return waiting;
  // One key may span several windows in a batch: one round per window, each one statement pair.
  const rounds: Group[][] = [];
  const seenPerKey = new Map<string, number>();
  for (const g of [...groups.values()].sort((a, b) => a.request.at.getTime() - b.request.at.getTime())) {
    const round = seenPerKey.get(g.request.key) ?? 0;
    seenPerKey.set(g.request.key, round + 1);
    const list = rounds[round] ?? [];
    list.push(g);
    rounds[round] = list;
  }
  for (const round of rounds) {
    const live = round.map((g) => ({ g, items: g.items.filter((i) => !waiting.has(i)) }));
    const granted = await takeFromWindows(
      deps.db,
      live.filter((l) => l.items.length > 0).map((l) => ({ ...l.g.request, wanted: l.items.length })),
    );
    for (const { g, items: list } of live) {
      const until = windowOf(g.request.at, g.request.allowance).end;
      for (const item of list.slice(granted.get(g.request.key) ?? 0)) waiting.set(item, until);
    }
  }
  return waiting;
}
