// The one writer of `inbox_replies.status` (STYLE 12): queued -> sending -> sent | failed, each
// transition guarded in its SQL. `sending` is committed before the network is called; a job that
// finds its reply still `sending` (the worker died mid-call) may call again, because the reply's
// id is the network's idempotency key (Mastodon) or record key (Bluesky): never sent twice.
import { type Executor, inboxItems, inboxReplies } from '@cadence/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { workingMinutesSince } from './response-times';

export async function markReplySending(db: Executor, replyId: string, now: Date) {
  const [row] = await db
    .update(inboxReplies)
    .set({ status: 'sending', attempts: sql`${inboxReplies.attempts} + 1`, updatedAt: now })
    .where(and(eq(inboxReplies.id, replyId), inArray(inboxReplies.status, ['queued', 'sending'])))
    .returning();
  return row ?? null;
}

export async function markReplySent(
  db: Executor,
  replyId: string,
  sent: { externalId: string; externalUrl: string | null },
  now: Date,
) {
  const [row] = await db
    .update(inboxReplies)
    .set({ status: 'sent', ...sent, lastError: null, sentAt: now, updatedAt: now })
    .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.status, 'sending')))
    .returning({ itemId: inboxReplies.itemId, workspaceId: inboxReplies.workspaceId });
  if (row) {
    // The first answer from Cadence, for the response-time figures; later replies leave it.
    const [item] = await db
      .select({ createdAt: inboxItems.createdAt, firstResponseAt: inboxItems.firstResponseAt })
      .from(inboxItems)
      .where(eq(inboxItems.id, row.itemId));
    if (item && !item.firstResponseAt) {
      const minutes = await workingMinutesSince(db, row.workspaceId, item.createdAt, now);
      await db
        .update(inboxItems)
        .set({ firstResponseAt: now, firstResponseWorkingMinutes: minutes, updatedAt: now })
        .where(and(eq(inboxItems.id, row.itemId), isNull(inboxItems.firstResponseAt)));
    }
  }
  return row !== undefined;
}

/** Back to queued for another attempt, with the reason the network gave. */
export async function markReplyRetry(db: Executor, replyId: string, reason: string, now: Date) {
  await db
    .update(inboxReplies)
    .set({ status: 'queued', lastError: reason.slice(0, 500), updatedAt: now })
    .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.status, 'sending')));
}

export async function markReplyFailed(db: Executor, replyId: string, reason: string, now: Date) {
  await db
    .update(inboxReplies)
    .set({ status: 'failed', lastError: reason.slice(0, 500), updatedAt: now })
    .where(and(eq(inboxReplies.id, replyId), inArray(inboxReplies.status, ['queued', 'sending'])));
}
