// A person's "retry": only the targets that did not go out (failed, missed, held) are queued
// again, for now. Published, unknown and in-flight targets are never touched, so a retry can never
// re-post to a network where the post already is.
import { type Db, posts } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import { syncPostStatuses } from './sync-post-status';
import * as targetLedger from './target-ledger';

export const actorLabel = (actor: Pick<Actor, 'userId' | 'tokenId'>) =>
  actor.userId ? `person:${actor.userId}` : `token:${actor.tokenId}`;

export async function retryFailedTargets(db: Db, actor: Actor, postId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [post] = await tx
      .select({ id: posts.id, status: posts.status })
      .from(posts)
      .where(and(eq(posts.id, postId), eq(posts.workspaceId, actor.workspaceId)))
      .for('update');
    if (!post) throw notFound('post');
    const retried = await targetLedger.retry(tx, postId, now);
    if (retried.length === 0) {
      throw conflict('errors.publishing.nothingToRetry');
    }
    await targetLedger.logAttempts(
      tx,
      retried.map((r) => ({
        targetId: r.id,
        workspaceId: actor.workspaceId,
        attempt: 0,
        outcome: 'retried',
        detail: 'Queued again by a person',
        actor: actorLabel(actor),
        startedAt: now,
        finishedAt: now,
      })),
    );
    await syncPostStatuses(tx, [postId], actor);
    const targets = retried.map((r) => ({ targetId: r.id, channelId: r.channelId, network: r.network }));
    await recordAudit(tx, actor, {
      action: 'post.publish_retried',
      entityType: 'post',
      entityId: postId,
      after: { targets },
    });
    return { retried: targets };
  });
}
