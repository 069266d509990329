import { postEvents } from '@cadence/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { PostDeps } from './deps';
import { findPost } from './post-store';
import { assertRole } from './workflow';

/**
 * The post's history, oldest first: every transition and edit with who, when, from, to and the
 * comment. `afterSeq` continues after a page; up to limit+1 rows are returned.
 */
export async function getHistory(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  page: { limit: number; afterSeq?: number | undefined },
) {
  assertRole(actor.role, 'read');
  await findPost(deps.db, actor.workspaceId, postId);
  const rows = await deps.db
    .select()
    .from(postEvents)
    .where(
      and(
        eq(postEvents.postId, postId),
        eq(postEvents.workspaceId, actor.workspaceId),
        page.afterSeq !== undefined ? gt(postEvents.seq, page.afterSeq) : undefined,
      ),
    )
    .orderBy(asc(postEvents.seq))
    .limit(page.limit + 1);
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    action: r.action,
    actor: { userId: r.actorUserId, tokenId: r.actorTokenId },
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    comment: r.comment,
    details: r.details,
    createdAt: r.createdAt,
  }));
}
