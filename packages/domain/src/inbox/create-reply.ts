// Replying from Cadence: the reply is checked against the charter (422 before anything is sent),
// recorded `queued` and its "inbox.reply" job enqueued in the same commit, so a reply is either
// both recorded and on its way, or neither. The job (apps/publisher/src/inbox/send-reply.ts) sends it.
import { channels, type Db, inboxReplies } from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { unprocessable } from '../errors';
import { assertInboxItem } from './inbox-notes';
import { checkReplyText, replyTextFor } from './reply-charter';
import { toInboxReplyView } from './reply-view';
import { INBOX_READY_NETWORKS, INBOX_REPLY_JOB } from './rules';

/** Attempts before a reply is marked failed (passing faults and rate limits are retried). */
export const REPLY_MAX_ATTEMPTS = 8;

export async function createInboxReply(db: Db, actor: Actor, itemId: string, text: string, now: Date) {
  const item = await assertInboxItem(db, actor, itemId);
  if (!INBOX_READY_NETWORKS.has(item.network)) {
    throw unprocessable('Cadence cannot reply on this network yet', { field: 'itemId', reason: 'network' });
  }
  const [channel] = await db
    .select({ status: channels.status })
    .from(channels)
    .where(and(eq(channels.id, item.channelId), eq(channels.workspaceId, actor.workspaceId)));
  if (channel?.status !== 'connected') {
    throw unprocessable('The channel needs reconnecting before replying', {
      field: 'itemId',
      reason: 'channel_not_connected',
    });
  }
  const sent = replyTextFor(item.network, item.authorHandle, text);
  const warnings = await checkReplyText(db, {
    workspaceId: actor.workspaceId,
    timezone: actor.workspaceTimezone,
    channelId: item.channelId,
    network: item.network,
    text: sent,
  });
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
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('the reply was not recorded');
    await enqueueJob(
      tx,
      INBOX_REPLY_JOB,
      { replyId: row.id },
      { key: row.id, maxAttempts: REPLY_MAX_ATTEMPTS, now },
    );
    return row;
  });
  return { ...toInboxReplyView(reply), warnings };
}
