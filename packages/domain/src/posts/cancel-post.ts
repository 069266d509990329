import type { Actor } from '../accounts/actor';
import * as targetLedger from '../publishing/target-ledger';
import { type PostDeps, inTransaction } from './deps';
import { parseInput } from './parse-input';
import { recordPostEvent } from './post-events';
import { assertNotInFlight, assertVersion, loadTargets, lockPost, savePost } from './post-store';
import { toPostView } from './post-view';
import { type PostView, type TransitionInput, transitionSchema } from './schemas';
import { assertRole, assertTransition } from './workflow';

/** Stops a post for good before publishing starts; its targets are cancelled with it. */
export async function cancelPost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: TransitionInput = {},
): Promise<PostView> {
  assertRole(actor.role, 'cancel');
  const body = parseInput(transitionSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    assertVersion(row, body.version);
    assertTransition(row.status, 'cancel');
    assertNotInFlight(await loadTargets(tx, [row.id]));
    const now = deps.clock();
    await targetLedger.cancel(tx, row.id, now);
    const saved = await savePost(tx, row, { status: 'cancelled' }, now);
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: 'cancelled',
      from: row.status,
      to: 'cancelled',
      comment: body.comment,
    });
    return toPostView(tx, saved);
  });
}
