// A claimed target goes out in two steps. Prepare (as soon as it is claimed, up to the look-ahead
// before its instant): load what the checks need, run the send-time checks as at its instant, take
// its place in the channel's rate window, settle holds, misses and waits, and build the request.
// Send (at the instant): only the `sending` commit, the call, and then the outcome. `sending` is
// still committed BEFORE any network is called, so a crash mid-call leaves a trace to reconcile.
import * as targetLedger from '@cadence/domain/publishing/target-ledger';
import type { PublishRequest } from '@cadence/networks';
import { type ClaimedTarget, dueAt, type PublisherDeps } from '../deps';
import { publishOnce } from '../send/call-adapter';
import { channelKey, loadSendContext, networkKey, type SendContext } from '../send/load-send-context';
import { type BatchPlan, planBatch } from '../send/plan-batch';
import { takeFromWindows, type WindowRequest, windowOf } from '../send/rate-limits';
import {
  type OutcomeCounts,
  recordOutcomes,
  type SentTarget,
  settleWithoutSending,
} from '../send/record-outcomes';

export interface PreparedTarget {
  target: ClaimedTarget;
  request: PublishRequest;
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
  await applyDeclaredLimits(deps, plan, ctx, now);
  await settleWithoutSending(deps, plan, now);
  return plan.go;
}

export async function sendPrepared(
  deps: PublisherDeps,
  prepared: readonly PreparedTarget[],
): Promise<OutcomeCounts> {
  if (prepared.length === 0) return { published: 0, retried: 0, failed: 0, unknown: 0 };
  const startedAt = deps.clock();
  const attemptsById = await targetLedger.markSending(deps.db, {
    workerId: deps.workerId,
    ids: prepared.map((g) => g.target.id),
    now: startedAt,
    leaseMs: deps.options.sendTimeoutMs + deps.options.sendLeaseMarginMs,
  });
  // Targets whose lease we lost in the meantime are someone else's now: not sent here. Those still
  // ours whose channel was disconnected since they were prepared go back, to be held when claimed.
  const sendable = prepared.filter((g) => attemptsById.has(g.target.id));
  if (sendable.length < prepared.length) {
    await targetLedger.releaseClaims(
      deps.db,
      deps.workerId,
      prepared.filter((g) => !attemptsById.has(g.target.id)).map((g) => g.target.id),
      startedAt,
    );
  }
  const sent: SentTarget[] = await Promise.all(
    sendable.map(async (g) => {
      const adapter = deps.adapters[g.target.network];
      if (!adapter) throw new Error(`no adapter for ${g.target.network}`);
      const result = await publishOnce(adapter, g.request, deps.options.sendTimeoutMs);
      return { target: g.target, attempts: attemptsById.get(g.target.id) ?? 1, startedAt, result };
    }),
  );
  return recordOutcomes(deps, sent);
}

/**
 * A channel's own limit (channels.send_limit), else its adapter's declared allowances: each target
 * takes a place in the fixed window of its instant, shared by every process; the rest wait.
 */
async function applyDeclaredLimits(
  deps: PublisherDeps,
  plan: BatchPlan,
  ctx: SendContext,
  now: Date,
): Promise<void> {
  type Group = { request: Omit<WindowRequest, 'wanted'>; items: BatchPlan['go'] };
  const groups = new Map<string, Group>();
  const add = (key: string, allowance: { max: number; perMs: number }, item: BatchPlan['go'][number]) => {
    const at = laterOf(now, dueAt(item.target));
    const windowKey = `${key}|${windowOf(at, allowance).start.getTime()}`;
    const g = groups.get(windowKey) ?? { request: { key, allowance, at }, items: [] };
    g.items.push(item);
    groups.set(windowKey, g);
  };
  for (const item of plan.go) {
    const limits = deps.adapters[item.target.network]?.rateLimit;
    const own = ctx.channels.get(item.target.channelId)?.sendLimit;
    const perChannel = own ? { max: own.max, perMs: own.perSeconds * 1000 } : limits?.perChannel;
    if (perChannel) add(channelKey(item.target.channelId), perChannel, item);
    if (limits?.perNetwork) add(networkKey(item.target.network), limits.perNetwork, item);
  }
  if (groups.size === 0) return;
  const waiting = new Map<string, Date>();
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
    const live = round.map((g) => ({ g, items: g.items.filter((i) => !waiting.has(i.target.id)) }));
    const granted = await takeFromWindows(
      deps.db,
      live.filter((l) => l.items.length > 0).map((l) => ({ ...l.g.request, wanted: l.items.length })),
      now,
    );
    for (const { g, items } of live) {
      const until = windowOf(g.request.at, g.request.allowance).end;
      for (const item of items.slice(granted.get(g.request.key) ?? 0)) waiting.set(item.target.id, until);
    }
  }
  plan.go = plan.go.filter((g) => {
    const until = waiting.get(g.target.id);
    if (until) plan.wait.push({ target: g.target, until });
    return !until;
  });
}
