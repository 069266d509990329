// When a network cannot say whether a post went out, a person looks and tells Cadence.
import { type Db, postTargets, targetAttempts, targetReconciliations } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import { actorLabel } from './retry-failed-targets';
import type { ConfirmTarget } from './schemas';
import { syncPostStatuses } from './sync-post-status';
import { safeExternalUrl } from './external-url';

export async function confirmUnknownTarget(
  db: Db,
  actor: Actor,
  input: { postId: string; targetId: string } & ConfirmTarget,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(postTargets)
      .where(
        and(
          eq(postTargets.id, input.targetId),
          eq(postTargets.postId, input.postId),
          eq(postTargets.workspaceId, actor.workspaceId),
        ),
      )
      .for('update');
    if (!target) throw notFound('Target');
    if (target.status !== 'unknown') {
      throw conflict(`Only a target whose outcome is unknown can be confirmed; this one is ${target.status}`);
    }
    const note = input.note ? `: ${input.note}` : '';
    const [row] = await tx
      .update(postTargets)
      .set(
        input.outcome === 'published'
          ? {
              status: 'published',
              publishedAt: now,
              externalUrl: input.externalUrl ?? target.externalUrl,
              lastError: null,
              updatedAt: now,
            }
          : { status: 'failed', lastError: `A person confirmed it did not go out${note}`, updatedAt: now },
      )
      .where(eq(postTargets.id, target.id))
      .returning();
    await tx.delete(targetReconciliations).where(eq(targetReconciliations.targetId, target.id));
    await tx.insert(targetAttempts).values({
      targetId: target.id,
      workspaceId: actor.workspaceId,
      attempt: target.attempts,
      outcome: 'confirmed',
      detail: `Confirmed ${input.outcome}${note}`,
      actor: actorLabel(actor),
      startedAt: now,
      finishedAt: now,
    });
    await syncPostStatuses(tx, [target.postId], actor);
    await recordAudit(tx, actor, {
      action: 'post.target_confirmed',
      entityType: 'post_target',
      entityId: target.id,
      before: { status: target.status },
      after: { status: row?.status, note: input.note ?? null },
    });
    if (!row) throw notFound('Target');
    return toTargetView(row);
  });
}

export function toTargetView(row: typeof postTargets.$inferSelect) {
  return {
    id: row.id,
    postId: row.postId,
    channelId: row.channelId,
    network: row.network,
    status: row.status,
    scheduledAt: row.scheduledAt,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    publishedAt: row.publishedAt,
    externalId: row.externalId,
    externalUrl: safeExternalUrl(row.externalUrl),
    lastError: row.lastError,
  };
}
