// Writes what the networks answered, in one transaction per batch: the ledger rows, the attempt
// log, "wait" markers after a 429, reconnect flags on channels, reconciliations to run, and the
// posts' statuses. Only rows still `sending` under this worker's lease are touched.
import { channels } from '@cadence/db';
import { decideAfterFailure } from '@cadence/domain/publishing/decide-after-failure';
import { recordNotificationEvent } from '@cadence/domain/notifications/record-event';
import { syncLockedPostStatuses, syncPostStatuses } from '@cadence/domain/publishing/sync-post-status';
import { and, eq } from 'drizzle-orm';
import type { ClaimedTarget, PublisherDeps } from '../deps';
import {
  type AttemptLogRow,
  type LedgerChange,
  logAttempts,
  queueReconciliation,
  recordOutcomes as recordLedgerOutcomes,
  recordOutcomesLockingPosts,
  settleClaimed,
} from '@cadence/domain/publishing/target-ledger';
import { retryOnConflict } from '../ledger/retry-on-conflict';
import type { CallResult } from './call-adapter';
import { channelKey, networkKey } from './load-send-context';
import { blockKey } from './rate-limits';

export interface SentTarget {
  target: ClaimedTarget;
  /** Attempts made, this one included. */
  attempts: number;
  startedAt: Date;
  result: CallResult;
}

export interface OutcomeCounts {
  published: number;
  retried: number;
  failed: number;
  unknown: number;
}

export async function recordOutcomes(
  deps: PublisherDeps,
  sent: readonly SentTarget[],
): Promise<OutcomeCounts> {
  const now = deps.clock();
  const counts: OutcomeCounts = { published: 0, retried: 0, failed: 0, unknown: 0 };
  const changes: LedgerChange[] = [];
  const log: AttemptLogRow[] = [];
  const reconcile: string[] = [];
  // Targets left for a person to decide: their author and managers are told.
  const askPerson: ClaimedTarget[] = [];
  const reconnect = new Map<string, string>();
  const blocks: { key: string; until: Date; reason: string }[] = [];
  for (const s of sent) {
    const entry = {
      targetId: s.target.id,
      workspaceId: s.target.workspaceId,
      attempt: s.attempts,
      actor: deps.workerId,
      startedAt: s.startedAt,
      finishedAt: now,
    };
    if (s.result.ok) {
      counts.published++;
      changes.push({ id: s.target.id, status: 'published', publishedAt: now, ...s.result.published });
      log.push({ ...entry, outcome: 'published', detail: s.result.published.externalId });
      continue;
    }
    const f = s.result.failure;
    const adapter = deps.adapters[s.target.network];
    const decision = decideAfterFailure({
      failure: f,
      attempts: s.attempts,
      maxAttempts: deps.settings.maxAttempts,
      capabilities: adapter?.capabilities ?? { canFindExisting: false, idempotentRetry: false },
      now,
      random: deps.random,
      policy: deps.options.backoff,
    });
    log.push({ ...entry, outcome: f.kind, detail: f.reason });
    switch (decision.action) {
      case 'retry':
        counts.retried++;
        changes.push({
          id: s.target.id,
          status: 'scheduled',
          nextAttemptAt: decision.at,
          lastError: decision.reason,
        });
        if (f.kind === 'rate_limited') {
          const key = f.networkWide ? networkKey(s.target.network) : channelKey(s.target.channelId);
          blocks.push({ key, until: decision.at, reason: f.reason });
        }
        break;
      case 'fail':
        counts.failed++;
        changes.push({ id: s.target.id, status: 'failed', lastError: decision.reason });
        if (decision.reconnectChannel) reconnect.set(s.target.channelId, f.reason);
        break;
      case 'reconcile':
        counts.unknown++;
        changes.push({
          id: s.target.id,
          status: 'unknown',
          lastError: `${decision.reason}; checking with the network`,
        });
        reconcile.push(s.target.id);
        break;
      case 'unknown':
        counts.unknown++;
        changes.push({ id: s.target.id, status: 'unknown', lastError: decision.reason });
        askPerson.push(s.target);
        break;
    }
  }

  // The common batch (no channel to flag, nothing to reconcile) locks its posts in the outcome
  // statement itself. A batch with either keeps the order every other writer takes (channels and
  // reconciliations, then posts) and locks its posts last.
  const lockEarly = reconnect.size === 0 && reconcile.length === 0;
  await retryOnConflict(() =>
    deps.db.transaction(async (tx) => {
      const { applied, posts } = lockEarly
        ? await recordOutcomesLockingPosts(tx, deps.workerId, changes, log, now)
        : {
            applied: await recordLedgerOutcomes(tx, deps.workerId, changes, now),
            posts: null,
          };
      if (!lockEarly) await logAttempts(tx, log);
      await queueReconciliation(
        tx,
        reconcile.filter((id) => applied.has(id)),
        now,
      );
      for (const [channelId, reason] of [...reconnect].sort(([a], [b]) => a.localeCompare(b))) {
        const flagged = await tx
          .update(channels)
          .set({ status: 'needs_reconnect', statusReason: reason, updatedAt: now })
          .where(and(eq(channels.id, channelId), eq(channels.status, 'connected')))
          .returning({ workspaceId: channels.workspaceId, name: channels.displayName });
        for (const c of flagged) {
          await recordNotificationEvent(tx, {
            workspaceId: c.workspaceId,
            kind: 'channel_reconnect',
            channelId,
            params: { channel: c.name },
          });
        }
      }
      for (const target of askPerson.filter((t) => applied.has(t.id))) {
        await recordNotificationEvent(tx, {
          workspaceId: target.workspaceId,
          kind: 'post_outcome_unknown',
          postId: target.postId,
          channelId: target.channelId,
        });
      }
      if (posts) await syncLockedPostStatuses(tx, posts);
      else
        await syncPostStatuses(
          tx,
          sent.filter((s) => applied.has(s.target.id)).map((s) => s.target.postId),
        );
    }),
  );
  // Outside the transaction and one key at a time, in key order: two processes remembering 429s
  // for overlapping channels must not lock each other's rows in opposite orders.
  const latest = new Map<string, { until: Date; reason: string }>();
  for (const b of blocks) {
    const seen = latest.get(b.key);
    if (!seen || seen.until < b.until) latest.set(b.key, b);
  }
  for (const [key, b] of [...latest].sort(([a], [z]) => a.localeCompare(z))) {
    await blockKey(deps.db, key, b.until, b.reason, now);
  }
  return counts;
}

/** Holds, misses and rate-limit waits: settled without calling any network. */
export async function settleWithoutSending(
  deps: PublisherDeps,
  input: {
    hold: { target: ClaimedTarget; reason: string }[];
    missed: { target: ClaimedTarget; reason: string }[];
    wait: { target: ClaimedTarget; until: Date }[];
  },
  now: Date,
): Promise<void> {
  const { hold, missed, wait } = input;
  if (hold.length + missed.length + wait.length === 0) return;
  const changes: LedgerChange[] = [
    ...hold.map((h) => ({ id: h.target.id, status: 'held' as const, lastError: h.reason })),
    ...missed.map((m) => ({ id: m.target.id, status: 'missed' as const, lastError: m.reason })),
    // A wait is not an attempt: the attempt count stays as it was.
    ...wait.map((w) => ({
      id: w.target.id,
      status: 'scheduled' as const,
      nextAttemptAt: w.until,
      lastError: `Waiting for the network's rate limit until ${w.until.toISOString()}`,
    })),
  ];
  const log: AttemptLogRow[] = [
    ...hold.map((h) => ({ target: h.target, outcome: 'held', detail: h.reason })),
    ...missed.map((m) => ({ target: m.target, outcome: 'missed', detail: m.reason })),
  ].map((e) => ({
    targetId: e.target.id,
    workspaceId: e.target.workspaceId,
    attempt: e.target.attempts,
    outcome: e.outcome,
    detail: e.detail,
    actor: deps.workerId,
    startedAt: now,
    finishedAt: now,
  }));
  await retryOnConflict(() =>
    deps.db.transaction(async (tx) => {
      const applied = await settleClaimed(tx, deps.workerId, changes, now);
      await logAttempts(
        tx,
        log.filter((l) => applied.has(l.targetId)),
      );
      await syncPostStatuses(
        tx,
        [...hold, ...missed].filter((h) => applied.has(h.target.id)).map((h) => h.target.postId),
      );
    }),
  );
}
