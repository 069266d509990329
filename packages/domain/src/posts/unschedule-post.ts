import type { Actor } from '../accounts/actor';
import { unscheduleTargets } from './apply-schedule';
import { type PostDeps, inTransaction } from './deps';
import { parseInput } from './parse-input';
import { recordPostEvent } from './post-events';
import { assertNotInFlight, assertVersion, loadTargets, lockPost, savePost } from './post-store';
import { toPostView } from './post-view';
import { type PostView, type UnscheduleInput, unscheduleSchema } from './schemas';
import { assertRole, assertTransition } from './workflow';

/**
 * Takes a scheduled post off the calendar; it stays approved (a post scheduled without needing
 * approval also lands in approved: nothing about its content was decided against), or, when asked,
 * back to draft (the undo of a draft dropped on the calendar).
 */
export async function unschedulePost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: UnscheduleInput = {},
): Promise<PostView> {
  assertRole(actor.role, 'unschedule');
  const body = parseInput(unscheduleSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    assertVersion(row, body.version);
    assertTransition(row.status, 'unschedule');
    assertNotInFlight(await loadTargets(tx, [row.id]));
    const now = deps.clock();
    const to = body.backToDraft ? 'draft' : 'approved';
    await unscheduleTargets(tx, row.id, now);
    const saved = await savePost(
      tx,
      row,
      { status: to, scheduledAt: null, scheduledTimezone: null, scheduledLocal: null },
      now,
    );
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: 'unscheduled',
      from: row.status,
      to,
      comment: body.comment,
      details: { previousAt: row.scheduledAt?.toISOString() ?? null },
    });
    return toPostView(tx, saved);
  });
}
