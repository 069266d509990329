// Settles `unknown` targets through their adapter: found on the network means published (once);
// definitely absent means it never went out, so it is sent again; an adapter that cannot tell
// hands the target to a person, who confirms it in the app.
import { postTargets, targetReconciliations } from '@cadence/db';
import { backoffDelayMs } from '@cadence/jobs/backoff';
import { syncPostStatuses } from '@cadence/domain/publishing/sync-post-status';
import { and, asc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { ClaimedTarget, PublisherDeps } from '../deps';
import {
  type AttemptLogRow,
  type LedgerChange,
  logAttempts,
  settleUnknown,
} from '@cadence/domain/publishing/target-ledger';
import { retryOnConflict } from '../ledger/retry-on-conflict';
import { buildRequest } from '../send/build-request';
import { callWithDeadline } from '../send/call-adapter';
import { loadSendContext } from '../send/load-send-context';

const BATCH = 100;
/** After this many failed checks the target is left to a person rather than checked forever. */
const MAX_CHECKS = 8;
const ASK_A_PERSON =
  'The network cannot tell whether the post went out: check it there, then confirm it here';

export async function reconcileUnknown(
  deps: PublisherDeps,
  /** The gone workers (the job runner's goneWorkers subquery): their checks are taken over at once. */
  deadWorkers?: SQL,
): Promise<number> {
  const now = deps.clock();
  const leaseOver = or(
    isNull(targetReconciliations.leaseExpiresAt),
    lt(targetReconciliations.leaseExpiresAt, now),
    ...(deadWorkers ? [sql`${targetReconciliations.leaseOwner} IN ${deadWorkers}`] : []),
  );
  const due = deps.db
    .select({ id: targetReconciliations.targetId })
    .from(targetReconciliations)
    .where(and(lte(targetReconciliations.dueAt, now), leaseOver))
    .orderBy(asc(targetReconciliations.dueAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  const claimed = await deps.db
    .update(targetReconciliations)
    .set({
      leaseOwner: deps.workerId,
      leaseExpiresAt: new Date(now.getTime() + deps.options.sendTimeoutMs + deps.options.sendLeaseMarginMs),
      tries: sql`${targetReconciliations.tries} + 1`,
    })
    .where(inArray(targetReconciliations.targetId, due))
    .returning({ targetId: targetReconciliations.targetId, tries: targetReconciliations.tries });
  if (claimed.length === 0) return 0;

  const rows = await deps.db
    .select({
      id: postTargets.id,
      status: postTargets.status,
      postId: postTargets.postId,
      workspaceId: postTargets.workspaceId,
      channelId: postTargets.channelId,
      network: postTargets.network,
      scheduledAt: postTargets.scheduledAt,
      nextAttemptAt: postTargets.nextAttemptAt,
      attempts: postTargets.attempts,
      textOverride: postTargets.textOverride,
      mediaOverride: postTargets.mediaOverride,
      firstCommentOverride: postTargets.firstCommentOverride,
    })
    .from(postTargets)
    .where(
      inArray(
        postTargets.id,
        claimed.map((c) => c.targetId),
      ),
    );
  const targets: (ClaimedTarget & { status: string })[] = rows.map((r) => ({
    ...r,
    scheduledAt: r.scheduledAt ?? now,
  }));
  const ctx = await loadSendContext(deps.db, targets, now);
  const tries = new Map(claimed.map((c) => [c.targetId, c.tries]));

  const changes: LedgerChange[] = [];
  const log: AttemptLogRow[] = [];
  const done: string[] = [];
  const later: { id: string; at: Date }[] = [];
  const settled = new Set(rows.map((r) => r.id));
  // Reconciliation rows whose target vanished (or was confirmed by a person) are simply dropped.
  for (const c of claimed) if (!settled.has(c.targetId)) done.push(c.targetId);

  await Promise.all(
    targets.map(async (t) => {
      const note = (outcome: string, detail: string) =>
        log.push({
          targetId: t.id,
          workspaceId: t.workspaceId,
          attempt: t.attempts,
          outcome,
          detail,
          actor: deps.workerId,
          startedAt: now,
        });
      if (t.status !== 'unknown') return done.push(t.id);
      const adapter = deps.adapters[t.network];
      const built = buildRequest(deps, t, ctx);
      if (!adapter || !built.ok) {
        changes.push({ id: t.id, status: 'unknown', lastError: ASK_A_PERSON });
        note('reconciled', ASK_A_PERSON);
        return done.push(t.id);
      }
      if (adapter.findExisting) {
        const find = adapter.findExisting.bind(adapter);
        try {
          const found = await callWithDeadline(
            (signal) => find(built.request, signal),
            deps.options.sendTimeoutMs,
          );
          if (found) {
            changes.push({ id: t.id, status: 'published', publishedAt: now, lastError: null, ...found });
            note('reconciled', `Found on the network (${found.externalId}): published once`);
          } else if (t.attempts >= deps.settings.maxAttempts) {
            const reason = `Not found on the network after ${t.attempts} attempts; giving up`;
            changes.push({ id: t.id, status: 'failed', lastError: reason });
            note('reconciled', reason);
          } else {
            const reason = 'Not found on the network after the interruption: sending it again';
            changes.push({ id: t.id, status: 'scheduled', nextAttemptAt: now, lastError: reason });
            note('reconciled', reason);
          }
          return done.push(t.id);
        } catch (error) {
          const n = tries.get(t.id) ?? 1;
          if (n >= MAX_CHECKS) {
            changes.push({ id: t.id, status: 'unknown', lastError: ASK_A_PERSON });
            note('reconciled', `${ASK_A_PERSON} (checking failed ${n} times)`);
            return done.push(t.id);
          }
          deps.logger.warn({ targetId: t.id, err: error }, 'could not check an unknown target yet');
          return later.push({
            id: t.id,
            at: new Date(
              now.getTime() + backoffDelayMs(n, { random: deps.random, policy: deps.options.backoff }),
            ),
          });
        }
      }
      if (adapter.capabilities.idempotentRetry) {
        const reason = 'The network drops duplicates of this delivery: sending it again';
        changes.push({ id: t.id, status: 'scheduled', nextAttemptAt: now, lastError: reason });
        note('reconciled', reason);
      } else {
        changes.push({ id: t.id, status: 'unknown', lastError: ASK_A_PERSON });
        note('reconciled', ASK_A_PERSON);
      }
      return done.push(t.id);
    }),
  );

  await retryOnConflict(() =>
    deps.db.transaction(async (tx) => {
      const applied = await settleUnknown(tx, changes, now);
      await logAttempts(
        tx,
        log.filter((l) => applied.has(l.targetId)),
      );
      if (done.length)
        await tx.delete(targetReconciliations).where(inArray(targetReconciliations.targetId, done));
      for (const l of later) {
        await tx
          .update(targetReconciliations)
          .set({ dueAt: l.at, leaseOwner: null, leaseExpiresAt: null })
          .where(eq(targetReconciliations.targetId, l.id));
      }
      await syncPostStatuses(
        tx,
        targets.filter((t) => applied.has(t.id)).map((t) => t.postId),
      );
    }),
  );
  return claimed.length;
}
