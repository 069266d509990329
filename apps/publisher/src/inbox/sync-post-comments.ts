// The per-post walk of a channel's inbox sync, for networks that have no single list of what people
// say to the account (Facebook Page, Instagram, Threads, LinkedIn): the comments under each of the
// channel's recently published posts, newest first, each post with its own cursor (a row of
// inbox_post_sync_states) walked like the channel's list (stepWalk: down to the newest comment an
// earlier walk stored, page by page, each page committed with the cursor that resumes after it).
// Posts are taken least recently walked first, so a post with a long backlog takes its turn
// instead of starving the others, and the run's page budget is shared with the channel's walk.
import { type Db, inboxPostSyncStates, postTargets } from '@cadence/db';
import { readCursor, type SyncCursor, stepWalk } from '@cadence/domain/inbox/sync-walk';
import { INBOX_SYNC_EVERY_MS } from '@cadence/domain/inbox/rules';
import { type FetchedInboxItem, type InboxAdapter, type InboxCall, NetworkError } from '@cadence/networks';
import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { type SyncChannel, storeItems } from './store-page';

/**
 * Comments are read on posts published in the last 14 days: most comments come in a post's first
 * days, two weeks covers a weekly rhythm twice over, and each post walked costs at least one call
 * per sync, so an unbounded look-back would spend the network's quota on posts nobody comments on.
 */
const POST_HORIZON_MS = 14 * 24 * 3600_000;
/** Posts of the last two days are walked at the channel's rhythm; older ones every 15 minutes. */
const RECENT_POST_MS = 2 * 24 * 3600_000;
const OLDER_POST_EVERY_MS = 15 * 60_000;

type ListPostComments = NonNullable<InboxAdapter['listPostComments']>;

export interface PostWalkInput {
  db: Db;
  clock: () => Date;
  channel: SyncChannel;
  call: InboxCall;
  list: ListPostComments;
  compare: (a: string, b: string) => number;
  /** Network pages this run may still read. */
  budget: number;
}

/** The channel's posts whose comments are due, least recently walked first (at most `limit`). */
async function duePosts(db: Db, channelId: string, now: Date, limit: number) {
  const t = now.getTime();
  const recentSince = new Date(t - RECENT_POST_MS);
  return db
    .select({
      targetId: postTargets.id,
      externalId: postTargets.externalId,
      cursor: inboxPostSyncStates.cursor,
    })
    .from(postTargets)
    .leftJoin(inboxPostSyncStates, eq(inboxPostSyncStates.postTargetId, postTargets.id))
    .where(
      and(
        eq(postTargets.channelId, channelId),
        eq(postTargets.status, 'published'),
        isNotNull(postTargets.externalId),
        gte(postTargets.publishedAt, new Date(t - POST_HORIZON_MS)),
        sql`(${inboxPostSyncStates.syncedAt} is null
          or ${inboxPostSyncStates.cursor} -> 'walk' is not null
          or ${inboxPostSyncStates.syncedAt} <= case when ${postTargets.publishedAt} >= ${recentSince}
            then ${new Date(t - INBOX_SYNC_EVERY_MS)}::timestamptz
            else ${new Date(t - OLDER_POST_EVERY_MS)}::timestamptz end)`,
      ),
    )
    .orderBy(sql`${inboxPostSyncStates.walkedAt} asc nulls first`, desc(postTargets.publishedAt))
    .limit(limit);
}

/** What the inbox keeps of a comment: under our post (its root), answering the post or a comment. */
function asComment(item: FetchedInboxItem, postExternalId: string) {
  return {
    ...item,
    kind: 'comment' as const,
    parentExternalId: item.parentExternalId ?? postExternalId,
    threadRootExternalId: postExternalId,
  };
}

async function storePostPage(
  input: PostWalkInput,
  targetId: string,
  items: ReturnType<typeof asComment>[],
  step: { cursor: SyncCursor; done: boolean },
) {
  const now = input.clock();
  return input.db.transaction(async (tx) => {
    const stored = await storeItems(tx, input.channel, items, now);
    const walked = { cursor: { ...step.cursor }, walkedAt: now, updatedAt: now };
    const synced = step.done ? { syncedAt: now } : {};
    await tx
      .insert(inboxPostSyncStates)
      .values({ postTargetId: targetId, channelId: input.channel.id, ...walked, ...synced })
      .onConflictDoUpdate({ target: inboxPostSyncStates.postTargetId, set: { ...walked, ...synced } });
    return stored;
  });
}

/**
 * Walks due posts until the budget is spent. `more`: the budget ran out with a walk unfinished or
 * a due post not reached (the job continues at once). Network errors are thrown to the caller,
 * which handles them as for the channel's walk; every page before stays committed.
 */
export async function walkPostComments(
  input: PostWalkInput,
  signal: AbortSignal,
): Promise<{ pages: number; stored: number; more: boolean }> {
  const now = input.clock();
  // One more than the budget can serve: if it is there, more is waiting.
  const posts = await duePosts(input.db, input.channel.id, now, input.budget + 1);
  const horizon = new Date(now.getTime() - POST_HORIZON_MS);
  let pages = 0;
  let stored = 0;
  for (const post of posts) {
    const postExternalId = post.externalId as string;
    let cursor = readCursor(post.cursor);
    for (;;) {
      if (pages >= input.budget) return { pages, stored, more: true };
      const call = { ...input.call, postExternalId, page: cursor.walk?.page ?? null, after: cursor.top };
      const page = await input.list(call, signal).catch((error: unknown) => {
        // A post the network refuses to list (deleted there, comments turned off) would otherwise
        // fail every run before the posts behind it: it is set aside until it is due again.
        if (error instanceof NetworkError && error.failure.kind === 'permanent') return null;
        throw error;
      });
      pages += 1;
      if (!page) {
        await storePostPage(input, post.targetId, [], { cursor, done: true });
        break;
      }
      const step = stepWalk(cursor, page, { horizon, compare: input.compare });
      const items = step.keep.map((i) => asComment(i, postExternalId));
      stored += await storePostPage(input, post.targetId, items, step);
      cursor = step.cursor;
      if (step.done) break;
    }
  }
  return { pages, stored, more: false };
}
