// retry / confirm: what a person does to targets the publisher could not finish. Guarded by status
// and by the absence of a lease: published, unknown-to-be-checked and in-flight targets are never
// retried, so a retry can never re-post where the post already is.
import { planFirstPulls } from '../../reports/metrics/plan-pulls';
import { type Executor, postTargets, targetReconciliations } from '@cadence/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TargetStatus } from '../post-status';

export const RETRYABLE: readonly TargetStatus[] = ['failed', 'missed', 'held'];

export async function retry(tx: Executor, postId: string, now: Date) {
  const rows = await tx
    .update(postTargets)
    .set({
      status: 'scheduled',
      // A fresh allowance of attempts; the attempt log keeps the earlier ones.
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(postTargets.postId, postId),
        inArray(postTargets.status, [...RETRYABLE]),
        isNull(postTargets.leaseOwner),
      ),
    )
    .returning({ id: postTargets.id, channelId: postTargets.channelId, network: postTargets.network });
  if (rows.length > 0) {
    await tx.delete(targetReconciliations).where(
      inArray(
        targetReconciliations.targetId,
        rows.map((r) => r.id),
      ),
    );
  }
  return rows;
}

export type Confirmation =
  | { outcome: 'published'; externalUrl: string | null }
  | { outcome: 'failed'; reason: string };

/** A person says whether an `unknown` target went out. Returns the row, or null if it was not unknown. */
export async function confirm(tx: Executor, targetId: string, confirmation: Confirmation, now: Date) {
  const [row] = await tx
    .update(postTargets)
    .set(
      confirmation.outcome === 'published'
        ? {
            status: 'published',
            publishedAt: now,
            externalUrl: confirmation.externalUrl,
            lastError: null,
            updatedAt: now,
          }
        : { status: 'failed', lastError: confirmation.reason, updatedAt: now },
    )
    .where(
      and(eq(postTargets.id, targetId), eq(postTargets.status, 'unknown'), isNull(postTargets.leaseOwner)),
    )
    .returning();
  if (row) await tx.delete(targetReconciliations).where(eq(targetReconciliations.targetId, targetId));
  if (row?.status === 'published') await planFirstPulls(tx, [row.id], now);
  return row ?? null;
}
