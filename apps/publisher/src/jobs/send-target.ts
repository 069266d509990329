// Sends a batch of claimed targets that have reached their instant: send-time checks, rate
// limits, then `sending` is committed BEFORE any network is called (so a crash mid-call leaves a
// trace to reconcile, never a silent gap), then the calls, then their outcomes.
import * as targetLedger from '@cadence/domain/publishing/target-ledger';
import type { ClaimedTarget, PublisherDeps } from '../deps';
import { publishOnce } from '../send/call-adapter';
import { loadSendContext } from '../send/load-send-context';
import { type BatchPlan, planBatch } from '../send/plan-batch';
import { channelKey, networkKey } from '../send/load-send-context';
import { takeFromWindow } from '../send/rate-limits';
import {
  type OutcomeCounts,
  recordOutcomes,
  type SentTarget,
  settleWithoutSending,
} from '../send/record-outcomes';

export async function sendTargets(
  deps: PublisherDeps,
  targets: readonly ClaimedTarget[],
): Promise<OutcomeCounts> {
  const empty = { published: 0, retried: 0, failed: 0, unknown: 0 };
  if (targets.length === 0) return empty;
  const ctx = await loadSendContext(deps.db, targets, deps.clock());
  const plan = planBatch(deps, targets, ctx, deps.clock());
  await applyDeclaredLimits(deps, plan);
  await settleWithoutSending(deps, plan, deps.clock());
  if (plan.go.length === 0) return empty;

  const startedAt = deps.clock();
  const leaseMs = deps.options.sendTimeoutMs + deps.options.sendLeaseMarginMs;
  const attemptsById = await targetLedger.markSending(deps.db, {
    workerId: deps.workerId,
    ids: plan.go.map((g) => g.target.id),
    now: startedAt,
    leaseMs,
  });

  // Targets whose lease we lost in the meantime are someone else's now: not sent here.
  const sendable = plan.go.filter((g) => attemptsById.has(g.target.id));
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

/** Adapters that declare allowances get only what the shared window has left; the rest wait. */
async function applyDeclaredLimits(deps: PublisherDeps, plan: BatchPlan): Promise<void> {
  const now = deps.clock();
  const groups = new Map<string, { allowance: { max: number; perMs: number }; items: BatchPlan['go'] }>();
  for (const item of plan.go) {
    const limits = deps.adapters[item.target.network]?.rateLimit;
    if (!limits) continue;
    if (limits.perChannel) {
      const key = channelKey(item.target.channelId);
      const g = groups.get(key) ?? { allowance: limits.perChannel, items: [] };
      g.items.push(item);
      groups.set(key, g);
    }
    if (limits.perNetwork) {
      const key = networkKey(item.target.network);
      const g = groups.get(key) ?? { allowance: limits.perNetwork, items: [] };
      g.items.push(item);
      groups.set(key, g);
    }
  }
  if (groups.size === 0) return;
  const waiting = new Map<string, Date>();
  for (const [key, group] of groups) {
    const live = group.items.filter((i) => !waiting.has(i.target.id));
    const { granted, windowEndsAt } = await takeFromWindow(deps.db, key, live.length, group.allowance, now);
    for (const item of live.slice(granted)) waiting.set(item.target.id, windowEndsAt);
  }
  plan.go = plan.go.filter((g) => {
    const until = waiting.get(g.target.id);
    if (until) plan.wait.push({ target: g.target, until });
    return !until;
  });
}
