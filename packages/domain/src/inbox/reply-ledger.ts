// The one writer of `inbox_replies.status` (STYLE 12): queued -> sending -> sent | failed, each
// transition guarded in its SQL. `sending` is committed before the network is called; a job that
// finds its reply still `sending` (the worker died mid-call) may call again where the reply's id is
// the network's idempotency key (Mastodon) or record key (Bluesky), or the network's draft of it is
// kept first (Threads' container, `rememberReplyDraft`): never sent twice. Where the network has
// none of these (X, LinkedIn), `sending` is left only for sent or failed (decision 0299).
import { type Executor, inboxItems, inboxReplies } from '@cadence/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { workingMinutesSince } from './response-times';

/**
 * `resumable`: the network recognises a second send of this reply, so a reply left `sending` by a
 * crashed worker may be sent again. Otherwise only a queued reply moves to sending.
 */
export async function markReplySending(db: Executor, replyId: string, now: Date, resumable: boolean) {
  const from: ('queued' | 'sending')[] = resumable ? ['queued', 'sending'] : ['queued'];
  const [row] = await db
    .update(inboxReplies)
    .set({ status: 'sending', attempts: sql`${inboxReplies.attempts} + 1`, updatedAt: now })
    .where(and(eq(inboxReplies.id, replyId), inArray(inboxReplies.status, from)))
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

/**
 * Keeps what the network holds of a reply not yet out (Threads: its container), while the reply is
 * being sent: the next attempt reads it from `markReplySending`'s row.
 */
export async function rememberReplyDraft(db: Executor, replyId: string, draft: unknown, now: Date) {
  const [row] = await db
    .update(inboxReplies)
    .set({ networkDraft: draft, updatedAt: now })
    .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.status, 'sending')))
    .returning({ id: inboxReplies.id });
  // The reply left `sending` meanwhile (it cannot, while this attempt holds the job): say so
  // rather than go on to publish what no one will record.
  if (!row) throw new Error(`Reply ${replyId} is no longer being sent`);
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

/**
 * A reply whose send may or may not have reached a network that cannot deduplicate it: failed,
 * with a reason that says so, for a person to check on the network (never sent again by itself).
 */
export async function markReplyOutcomeUnknown(db: Executor, replyId: string, reason: string, now: Date) {
  const said = `${reason}. The network may have posted it: check the conversation there before replying again`;
  const rows = await db
    .update(inboxReplies)
    .set({ status: 'failed', lastError: said.slice(0, 500), updatedAt: now })
    .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.status, 'sending')))
    .returning({ id: inboxReplies.id });
  return rows.length > 0;
}
