// Reply approval (issue 16): a manager approves an editor's reply (pending_approval -> queued, its
// send job enqueued in the same commit) or sends it back with a comment (-> returned, never sent).
// Each transition is one guarded UPDATE on `status = 'pending_approval'`, so two managers deciding
// at once get one decision and one 409, and an approved reply is enqueued once: the reply ledger
// then sends it at most once. The charter and the channel are checked again at approval, since
// either may have changed while the reply waited. The author is told either way.
import { type Db, inboxItems, inboxReplies, users } from '@cadence/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { conflict, forbidden, notFound } from '../errors';
import { recordNotificationEvent } from '../notifications/record-event';
import { assertCanReply, checkReplyForItem, enqueueReplyJob } from './create-reply';
import { assertInboxItem } from './inbox-notes';
import { toInboxReplyView } from './reply-view';

/** The managers' list is a worklist, not an archive: bounded. */
export const MAX_PENDING_LISTED = 200;

async function pendingReply(db: Db, actor: Actor, replyId: string) {
  const [reply] = await db
    .select()
    .from(inboxReplies)
    .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.workspaceId, actor.workspaceId)));
  if (!reply) throw notFound('reply');
  if (reply.status !== 'pending_approval') {
    throw conflict('errors.inbox.alreadyReviewed', {}, { status: reply.status });
  }
  // Four eyes: nobody approves or returns their own reply (a manager's own replies need no approval).
  if (reply.authorUserId && reply.authorUserId === (actor.personId ?? actor.userId)) {
    throw forbidden('errors.inbox.ownReply', {}, { reason: 'own_reply' });
  }
  return reply;
}

export async function approveInboxReply(db: Db, actor: Actor, replyId: string, now: Date) {
  const reply = await pendingReply(db, actor, replyId);
  const item = await assertInboxItem(db, actor, reply.itemId);
  await assertCanReply(db, actor, item);
  const warnings = await checkReplyForItem(db, actor, item, reply.text);
  const reviewer = actor.personId ?? actor.userId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(inboxReplies)
      .set({ status: 'queued', reviewedByUserId: reviewer, reviewedAt: now, updatedAt: now })
      .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.status, 'pending_approval')))
      .returning();
    if (!row) throw conflict('errors.inbox.alreadyReviewed');
    await enqueueReplyJob(tx, row.id, now);
    await recordNotificationEvent(tx, {
      workspaceId: actor.workspaceId,
      kind: 'inbox_reply_approved',
      channelId: row.channelId,
      actorUserId: reviewer,
      subjectUserId: row.authorUserId,
      params: { itemId: row.itemId, replyId: row.id, author: item.authorHandle },
    });
    return { ...toInboxReplyView(row), warnings };
  });
}

export async function returnInboxReply(db: Db, actor: Actor, replyId: string, comment: string, now: Date) {
  const reply = await pendingReply(db, actor, replyId);
  const item = await assertInboxItem(db, actor, reply.itemId);
  const reviewer = actor.personId ?? actor.userId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(inboxReplies)
      .set({
        status: 'returned',
        reviewedByUserId: reviewer,
        reviewedAt: now,
        reviewComment: comment,
        updatedAt: now,
      })
      .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.status, 'pending_approval')))
      .returning();
    if (!row) throw conflict('errors.inbox.alreadyReviewed');
    await recordNotificationEvent(tx, {
      workspaceId: actor.workspaceId,
      kind: 'inbox_reply_returned',
      channelId: row.channelId,
      actorUserId: reviewer,
      subjectUserId: row.authorUserId,
      params: { itemId: row.itemId, replyId: row.id, author: item.authorHandle },
    });
    return toInboxReplyView(row);
  });
}

/** Replies waiting for a manager, oldest first, with the message each answers. */
export async function listPendingReplies(db: Db, actor: Actor) {
  const rows = await db
    .select({ reply: inboxReplies, item: inboxItems, authorName: users.name })
    .from(inboxReplies)
    .innerJoin(inboxItems, eq(inboxItems.id, inboxReplies.itemId))
    .leftJoin(users, eq(users.id, inboxReplies.authorUserId))
    .where(and(eq(inboxReplies.workspaceId, actor.workspaceId), eq(inboxReplies.status, 'pending_approval')))
    .orderBy(asc(inboxReplies.createdAt), asc(inboxReplies.id))
    .limit(MAX_PENDING_LISTED);
  return rows.map((r) => ({
    ...toInboxReplyView(r.reply),
    authorName: r.authorName,
    item: { id: r.item.id, network: r.item.network, authorHandle: r.item.authorHandle, text: r.item.text },
  }));
}
