import { posts } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, forbidden } from '../errors';
import { type PostDeps, inTransaction } from './deps';
import { deleteRefusal } from './post-permissions';
import { assertVersion, loadTargets, lockPost } from './post-store';

/**
 * Deletes a post for good (its targets, history, comments and revisions go with it), leaving one
 * line in the workspace audit trail with what it was. A post that went out, or may have, stays:
 * it is the record of what the brand said. Editors delete only their own unsent work.
 */
export async function deletePost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: { version?: number | undefined } = {},
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    assertVersion(row, input.version);
    const targets = await loadTargets(tx, [row.id]);
    const isAuthor =
      (actor.userId !== null && row.authorUserId === actor.userId) ||
      (actor.tokenId !== null && row.authorTokenId === actor.tokenId);
    const refusal = deleteRefusal(actor.role, {
      status: row.status,
      targetStatuses: targets.map((t) => t.status),
      // The delete rule does not depend on approvals (only scheduling does).
      approvalsRequired: 0,
      isAuthor,
    });
    if (refusal === 'role') {
      throw forbidden('errors.posts.deleteNeedsRole');
    }
    if (refusal === 'sent') {
      throw conflict(
        'errors.posts.deleteSent',
        {},
        {
          status: row.status,
          reason: 'sent',
        },
      );
    }
    if (refusal === 'status') {
      throw conflict(
        'errors.posts.editorCannotDelete',
        { status: row.status },
        {
          status: row.status,
          reason: 'status',
        },
      );
    }
    await tx.delete(posts).where(and(eq(posts.id, row.id), eq(posts.workspaceId, actor.workspaceId)));
    await recordAudit(tx, actor, {
      action: 'post.deleted',
      entityType: 'post',
      entityId: row.id,
      before: {
        status: row.status,
        text: row.text.slice(0, 500),
        scheduledAt: row.scheduledAt?.toISOString() ?? null,
        channels: targets.map((t) => t.channelId),
        authorUserId: row.authorUserId,
        authorTokenId: row.authorTokenId,
      },
      after: null,
    });
  });
}
