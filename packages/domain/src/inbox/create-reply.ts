// Replying from Cadence: the reply is checked against the charter (422 before anything is sent),
// then either recorded `queued` with its "inbox.reply" job in the same commit (a reply is both
// recorded and on its way, or neither), or, when the workspace asks for reply approval and the
// author is below manager, recorded `pending_approval` with no job: only a manager's approval
// (review-reply.ts) enqueues it. The job (apps/publisher/src/inbox/send-reply.ts) sends it.
import { type Db, type Executor, inboxReplies, workspaces } from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { assertChannelConnected } from './item-access';
import { roleAtLeast } from '../accounts/roles';
import { unprocessable } from '../errors';
import { recordNotificationEvent } from '../notifications/record-event';
import { assertInboxItem } from './inbox-notes';
import { checkReplyText, replyTextFor } from './reply-charter';
import { toInboxReplyView } from './reply-view';
import { INBOX_READY_NETWORKS, INBOX_REPLY_JOB } from './rules';

/** Attempts before a reply is marked failed (passing faults and rate limits are retried). */
export const REPLY_MAX_ATTEMPTS = 8;

type ItemRow = Awaited<ReturnType<typeof assertInboxItem>>;

/** The network can be answered on and the channel is connected (422 otherwise). */
export async function assertCanReply(db: Db, actor: Actor, item: ItemRow) {
  if (!INBOX_READY_NETWORKS.has(item.network)) {
    throw unprocessable('errors.inbox.cannotReplyHere', {}, { field: 'itemId', reason: 'network' });
  }
  await assertChannelConnected(db, actor, item.channelId, 'errors.inbox.channelNotConnected');
}

export const checkReplyForItem = (db: Db, actor: Actor, item: ItemRow, text: string) =>
  checkReplyText(db, {
    workspaceId: actor.workspaceId,
    timezone: actor.workspaceTimezone,
    channelId: item.channelId,
    network: item.network,
    text,
  });

/** The reply's job: keyed by the reply, so a second enqueue of the same reply adds nothing. */
export const enqueueReplyJob = (tx: Executor, replyId: string, now: Date) =>
  enqueueJob(tx, INBOX_REPLY_JOB, { replyId }, { key: replyId, maxAttempts: REPLY_MAX_ATTEMPTS, now });

export async function needsReplyApproval(db: Db, actor: Actor): Promise<boolean> {
  if (roleAtLeast(actor.role, 'manager')) return false;
  const [ws] = await db
    .select({ replyApproval: workspaces.replyApproval })
    .from(workspaces)
    .where(eq(workspaces.id, actor.workspaceId));
  return ws?.replyApproval === true;
}

export async function createInboxReply(db: Db, actor: Actor, itemId: string, text: string, now: Date) {
  const item = await assertInboxItem(db, actor, itemId);
  await assertCanReply(db, actor, item);
  const sent = replyTextFor(item.network, item.authorHandle, text);
  const warnings = await checkReplyForItem(db, actor, item, sent);
  const pending = await needsReplyApproval(db, actor);
  const authorUserId = actor.personId ?? actor.userId;
  const reply = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inboxReplies)
      .values({
        workspaceId: actor.workspaceId,
        itemId,
        channelId: item.channelId,
        authorUserId,
        text: sent,
        status: pending ? 'pending_approval' : 'queued',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('the reply was not recorded');
    if (pending) {
      await recordNotificationEvent(tx, {
        workspaceId: actor.workspaceId,
        kind: 'inbox_reply_submitted',
        channelId: item.channelId,
        actorUserId: authorUserId,
        params: { itemId, replyId: row.id, author: item.authorHandle },
      });
    } else {
      await enqueueReplyJob(tx, row.id, now);
    }
    return row;
  });
  return { ...toInboxReplyView(reply), warnings };
}
