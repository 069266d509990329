// When a network cannot say whether a post went out, a person looks and tells Cadence.
import { type Db, postTargets } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import { actorLabel } from './retry-failed-targets';
import type { ConfirmTarget } from './schemas';
import { syncPostStatuses } from './sync-post-status';
import { safeExternalUrl } from './external-url';
import * as targetLedger from './target-ledger';

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
    if (!target) throw notFound('target');
    if (target.status !== 'unknown') {
      throw conflict('errors.publishing.confirmOnlyUnknown', { status: target.status });
    }
    const note = input.note ? `: ${input.note}` : '';
    const row = await targetLedger.confirm(
      tx,
      target.id,
      input.outcome === 'published'
        ? { outcome: 'published', externalUrl: input.externalUrl ?? target.externalUrl }
        : { outcome: 'failed', reason: `A person confirmed it did not go out${note}` },
      now,
    );
    // The row lock above keeps it unknown; a worker cannot hold an unknown target.
    if (!row) throw conflict('errors.publishing.targetChanged');
    await targetLedger.logAttempts(tx, [
      {
        targetId: target.id,
        workspaceId: actor.workspaceId,
        attempt: target.attempts,
        outcome: 'confirmed',
        detail: `Confirmed ${input.outcome}${note}`,
        actor: actorLabel(actor),
        startedAt: now,
        finishedAt: now,
      },
    ]);
    await syncPostStatuses(tx, [target.postId], actor);
    await recordAudit(tx, actor, {
      action: 'post.target_confirmed',
      entityType: 'post_target',
      entityId: target.id,
      before: { status: target.status },
      after: { status: row.status, note: input.note ?? null },
    });
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
