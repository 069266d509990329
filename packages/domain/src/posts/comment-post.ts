import { postComments } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { recordNotificationEvent } from '../notifications/record-event';
import { type PostDeps, inTransaction } from './deps';
import { parseInput } from './parse-input';
import { findPost } from './post-store';
import { commentCreateSchema } from './schemas';
import { assertRole } from './workflow';

/** Adds to the review conversation; any member may, viewers included. Posts in any status accept comments. */
export async function commentPost(deps: PostDeps, actor: Actor, postId: string, input: { body: string }) {
  assertRole(actor.role, 'comment');
  const { body } = parseInput(commentCreateSchema, input);
  return inTransaction(deps.db, async (tx) => {
    await findPost(tx, actor.workspaceId, postId);
    const [row] = await tx
      .insert(postComments)
      .values({
        postId,
        workspaceId: actor.workspaceId,
        authorUserId: actor.userId,
        authorTokenId: actor.tokenId,
        body,
        createdAt: deps.clock(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    // Participants and @mentioned members are worked out by the fan-out from the comment itself.
    await recordNotificationEvent(tx, {
      workspaceId: actor.workspaceId,
      kind: 'comment',
      postId,
      actorUserId: actor.userId,
      params: { commentId: row.id },
    });
    return toCommentView(row);
  });
}

export function toCommentView(row: typeof postComments.$inferSelect) {
  return {
    id: row.id,
    author: { userId: row.authorUserId, tokenId: row.authorTokenId },
    body: row.body,
    createdAt: row.createdAt,
  };
}
