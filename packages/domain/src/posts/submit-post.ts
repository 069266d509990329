import type { Actor } from '../accounts/actor';
import { type PostDeps, inTransaction } from './deps';
import { parseInput } from './parse-input';
import { assertNoBlocking, checkStoredPost } from './post-charter';
import { recordPostEvent } from './post-events';
import { assertVersion, loadTargets, lockPost, savePost } from './post-store';
import { toPostView } from './post-view';
import { type PostView, type TransitionInput, transitionSchema } from './schemas';
import { assertRole, assertTransition } from './workflow';

/**
 * Sends a draft (or a post sent back for changes) to review. The charter runs again: a post it
 * blocks is refused with 422 and the violations (a reviewer could only send it back); warnings go
 * along for the reviewer. Saving a draft stays allowed whatever the charter says.
 */
export async function submitPost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: TransitionInput = {},
): Promise<PostView> {
  assertRole(actor.role, 'submit');
  const body = parseInput(transitionSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    assertVersion(row, body.version);
    assertTransition(row.status, 'submit');
    const outcome = await checkStoredPost(tx, actor, row, await loadTargets(tx, [row.id]), row.scheduledAt);
    assertNoBlocking(outcome, 'submitting this post');
    const saved = await savePost(
      tx,
      row,
      { status: 'in_review', violations: outcome.violations },
      deps.clock(),
    );
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: 'submitted',
      from: row.status,
      to: 'in_review',
      comment: body.comment,
      details: { contentRevision: row.contentRevision, blocking: outcome.blocking },
    });
    return toPostView(tx, saved);
  });
}
