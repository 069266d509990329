// Cleans up after publishers that died or stalled. A target still `claimed` past its lease never
// reached a network: it simply becomes claimable again. A target still `sending` past its lease
// may or may not have gone out: it becomes `unknown` and is queued for reconciliation through its
// adapter, never re-sent on the strength of a guess.
import { postTargets, targetReconciliations } from '@cadence/db';
import { syncPostStatuses } from '@cadence/domain/publishing/sync-post-status';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { PublisherDeps } from '../deps';
import { logAttempts } from '../ledger/apply-changes';

const BATCH = 1000;

export async function reconcileExpiredLeases(
  deps: PublisherDeps,
): Promise<{ released: number; unknown: number }> {
  const now = deps.clock();
  const expired = (status: 'claimed' | 'sending') =>
    deps.db
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(and(eq(postTargets.status, status), lt(postTargets.leaseExpiresAt, now)))
      .orderBy(asc(postTargets.leaseExpiresAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });

  const released = await deps.db
    .update(postTargets)
    .set({ status: 'scheduled', leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
    .where(and(inArray(postTargets.id, expired('claimed')), eq(postTargets.status, 'claimed')))
    .returning({ id: postTargets.id });

  const reason = 'The publisher stopped while sending, before the answer was recorded';
  const unknown = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(postTargets)
      .set({
        status: 'unknown',
        lastError: `${reason}; checking with the network`,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: now,
      })
      .where(and(inArray(postTargets.id, expired('sending')), eq(postTargets.status, 'sending')))
      .returning({
        id: postTargets.id,
        postId: postTargets.postId,
        workspaceId: postTargets.workspaceId,
        attempts: postTargets.attempts,
        sendingStartedAt: postTargets.sendingStartedAt,
      });
    if (rows.length === 0) return 0;
    await tx
      .insert(targetReconciliations)
      .values(rows.map((r) => ({ targetId: r.id, dueAt: now })))
      .onConflictDoNothing();
    await logAttempts(
      tx,
      rows.map((r) => ({
        targetId: r.id,
        workspaceId: r.workspaceId,
        attempt: r.attempts,
        outcome: 'ambiguous',
        detail: reason,
        actor: deps.workerId,
        startedAt: r.sendingStartedAt ?? now,
        finishedAt: now,
      })),
    );
    await syncPostStatuses(
      tx,
      rows.map((r) => r.postId),
    );
    return rows.length;
  });
  if (released.length || unknown) {
    deps.logger.warn({ released: released.length, unknown }, 'took back targets whose lease expired');
  }
  return { released: released.length, unknown };
}
