// Hiding an item from others under one of our posts, or showing it again (issue 16). As with
// likes (like-item.ts, decision 0273), the request records what the team wants in a transaction
// that locks the row, and enqueues the "inbox.hide" job in the same commit when the network does
// not have it yet; the job (apps/publisher/src/inbox/apply-hide.ts) calls the network. Asking
// again for what is already asked adds nothing; asking again after a failure tries again. Each
// change of wish is audited: hiding a stranger's words on the brand's post is a moderation act
// that managers may want to trace.
import { type Db, type Executor, inboxItems } from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { notFound, unprocessable } from '../errors';
import { hiddenOnNetwork, hideUnsupportedReason, hideWanted } from './hide-rules';
import { toInboxItemView } from './inbox-view';
import { assertChannelConnected, lockInboxItem } from './item-access';
import { lateBefore } from './response-times';
import { INBOX_HIDE_JOB } from './rules';
import type { InboxItemView } from './schemas';

/** Attempts before a hide (or show) is marked failed; passing faults and rate limits are retried. */
export const HIDE_MAX_ATTEMPTS = 6;

const REFUSAL_CODES = {
  not_in_api: 'errors.inbox.hideNotInApi',
  not_read: 'errors.inbox.hideNotRead',
  not_our_post: 'errors.inbox.hideNotOurPost',
  nested_reply: 'errors.inbox.hideNestedReply',
} as const;

/** One job per request: keyed by the item and the moment it was asked (a repeat finds it queued). */
export const enqueueHideJob = (tx: Executor, itemId: string, key: string, now: Date) =>
  enqueueJob(
    tx,
    INBOX_HIDE_JOB,
    { itemId },
    { key: `${itemId}:${key}`, maxAttempts: HIDE_MAX_ATTEMPTS, now },
  );

export async function setInboxItemHidden(
  db: Db,
  actor: Actor,
  itemId: string,
  hidden: boolean,
  now: Date,
): Promise<InboxItemView> {
  return db.transaction(async (tx) => {
    const before = await lockInboxItem(tx, actor, itemId);
    const unsupported = hideUnsupportedReason(before);
    if (unsupported) {
      throw unprocessable(
        REFUSAL_CODES[unsupported],
        { network: before.network },
        { field: 'itemId', reason: unsupported },
      );
    }
    const late = await lateBefore(tx, actor.workspaceId, now);
    // Already asked and not failed: nothing to do (a double click, a retried request).
    if (hideWanted(before) === hidden && before.hideError === null) return toInboxItemView(before, late);
    await assertChannelConnected(tx, actor, before.channelId, 'errors.inbox.channelNotConnectedToHide');
    const [after] = await tx
      .update(inboxItems)
      .set({ hideRequestedAt: hidden ? now : null, hideError: null, updatedAt: now })
      .where(eq(inboxItems.id, itemId))
      .returning();
    if (!after) throw notFound('inbox_item');
    if (hiddenOnNetwork(after) !== hidden) {
      await enqueueHideJob(tx, itemId, `${hidden ? 'hide' : 'show'}:${now.getTime()}`, now);
    }
    await recordAudit(tx, actor, {
      action: hidden ? 'inbox_item.hidden' : 'inbox_item.shown',
      entityType: 'inbox_item',
      entityId: itemId,
      before: { hidden: hideWanted(before), error: before.hideError },
      after: { hidden },
    });
    return toInboxItemView(after, late);
  });
}
