// Liking an item from our account, or taking the like back (issue 16, item 3). The request only
// records what the team wants, in a transaction that locks the row, and enqueues the "inbox.like"
// job in the same commit when the network does not have it yet; the job
// (apps/publisher/src/inbox/apply-like.ts) calls the network. Asking again for what is already
// asked adds nothing (no second job, no second call); asking again after a failure tries again.
import { type Db, type Executor, inboxItems } from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { notFound, unprocessable } from '../errors';
import { toInboxItemView } from './inbox-view';
import { assertChannelConnected, lockInboxItem } from './item-access';
import { likeOnNetwork, likeUnsupportedReason, likeWanted } from './like-rules';
import { lateBefore } from './response-times';
import { INBOX_LIKE_JOB } from './rules';
import type { InboxItemView } from './schemas';

/** Attempts before a like (or unlike) is marked failed; passing faults and rate limits are retried. */
export const LIKE_MAX_ATTEMPTS = 6;

/** One job per request: keyed by the item and the moment it was asked (a repeat finds it queued). */
export const enqueueLikeJob = (tx: Executor, itemId: string, key: string, now: Date) =>
  enqueueJob(
    tx,
    INBOX_LIKE_JOB,
    { itemId },
    { key: `${itemId}:${key}`, maxAttempts: LIKE_MAX_ATTEMPTS, now },
  );

export async function setInboxItemLike(
  db: Db,
  actor: Actor,
  itemId: string,
  liked: boolean,
  now: Date,
): Promise<InboxItemView> {
  return db.transaction(async (tx) => {
    const before = await lockInboxItem(tx, actor, itemId);
    const unsupported = likeUnsupportedReason(before.network);
    if (unsupported) {
      throw unprocessable(
        unsupported === 'not_in_api' ? 'errors.inbox.likeNotInApi' : 'errors.inbox.likeNotRead',
        { network: before.network },
        { field: 'itemId', reason: unsupported },
      );
    }
    const late = await lateBefore(tx, actor.workspaceId, now);
    // Already asked and not failed: nothing to do (a double click, a retried request).
    if (likeWanted(before) === liked && before.likeError === null) return toInboxItemView(before, late);
    await assertChannelConnected(tx, actor, before.channelId, 'errors.inbox.channelNotConnectedToLike');
    const [after] = await tx
      .update(inboxItems)
      .set({ likeRequestedAt: liked ? now : null, likeError: null, updatedAt: now })
      .where(eq(inboxItems.id, itemId))
      .returning();
    if (!after) throw notFound('inbox_item');
    if (likeOnNetwork(after) !== liked) {
      await enqueueLikeJob(tx, itemId, `${liked ? 'like' : 'unlike'}:${now.getTime()}`, now);
    }
    return toInboxItemView(after, late);
  });
}
