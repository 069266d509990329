// One item with its conversation: the thread as synced (same channel, same root), our post the
// thread starts at, the replies sent from Cadence in it, and the team's notes on the item.
import { type Db, inboxItems, inboxReplies, posts, postTargets } from '@cadence/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { safeExternalUrl } from '../publishing/external-url';
import { assertInboxItem, listInboxNotes } from './inbox-notes';
import { toInboxItemView } from './inbox-view';
import { lateBefore } from './response-times';
import { toInboxReplyView } from './reply-view';

export const MAX_THREAD_ITEMS = 200;

export async function getInboxConversation(db: Db, actor: Actor, itemId: string, now: Date) {
  const item = await assertInboxItem(db, actor, itemId);
  const late = await lateBefore(db, actor.workspaceId, now);
  const thread = await db
    .select()
    .from(inboxItems)
    .where(
      and(
        eq(inboxItems.workspaceId, actor.workspaceId),
        eq(inboxItems.channelId, item.channelId),
        eq(inboxItems.threadRootExternalId, item.threadRootExternalId),
      ),
    )
    .orderBy(asc(inboxItems.createdAt), asc(inboxItems.id))
    .limit(MAX_THREAD_ITEMS);
  let post = null;
  if (item.postId && item.postTargetId) {
    const [row] = await db
      .select({
        id: posts.id,
        text: posts.text,
        externalUrl: postTargets.externalUrl,
        publishedAt: postTargets.publishedAt,
      })
      .from(postTargets)
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .where(and(eq(postTargets.id, item.postTargetId), eq(posts.workspaceId, actor.workspaceId)));
    if (row) post = { ...row, externalUrl: safeExternalUrl(row.externalUrl) };
  }
  const threadIds = thread.map((t) => t.id);
  const replies = await db
    .select()
    .from(inboxReplies)
    .where(
      and(
        eq(inboxReplies.workspaceId, actor.workspaceId),
        inArray(inboxReplies.itemId, threadIds.length ? threadIds : [item.id]),
      ),
    )
    .orderBy(asc(inboxReplies.createdAt), asc(inboxReplies.id))
    .limit(MAX_THREAD_ITEMS);
  return {
    item: toInboxItemView(item, late),
    thread: thread.map((m) => toInboxItemView(m, late)),
    post,
    replies: replies.map(toInboxReplyView),
    notes: await listInboxNotes(db, actor, item.id),
  };
}
