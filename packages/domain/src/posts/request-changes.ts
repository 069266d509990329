import { postComments } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { type PostDeps, inTransaction } from './deps';
import { parseInput } from './parse-input';
import { recordPostEvent } from './post-events';
import { assertVersion, lockPost, savePost } from './post-store';
import { toPostView } from './post-view';
import { type PostView, type RequestChangesInput, requestChangesSchema } from './schemas';
import { assertRole, assertTransition } from './workflow';

/**
 * A manager sends a post under review back to its writers, saying why: the comment is required,
 * and is also added to the post's conversation where the writers will look for it.
 */
export async function requestChanges(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: RequestChangesInput,
): Promise<PostView> {
  assertRole(actor.role, 'request_changes');
  const body = parseInput(requestChangesSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    assertVersion(row, body.version);
    assertTransition(row.status, 'request_changes');
    const saved = await savePost(tx, row, { status: 'changes_requested' }, deps.clock());
    await tx.insert(postComments).values({
      postId: row.id,
      workspaceId: actor.workspaceId,
      authorUserId: actor.userId,
      authorTokenId: actor.tokenId,
      body: body.comment,
    });
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: 'changes_requested',
      from: row.status,
      to: 'changes_requested',
      comment: body.comment,
      details: { contentRevision: row.contentRevision },
    });
    return toPostView(tx, saved);
  });
}
