import { type Db, sandboxFeedItems } from '@cadence/db';
import { and, desc, eq, lt, or } from 'drizzle-orm';

/** The sandbox network's feed of one workspace, newest first; `limit + 1` rows for the pager. */
export async function listSandboxFeed(
  db: Db,
  workspaceId: string,
  page: { limit: number; before?: { createdAt: Date; id: string } | undefined },
) {
  const before = page.before;
  return db
    .select({
      id: sandboxFeedItems.id,
      channelId: sandboxFeedItems.channelId,
      postId: sandboxFeedItems.postId,
      text: sandboxFeedItems.text,
      link: sandboxFeedItems.link,
      media: sandboxFeedItems.media,
      firstComment: sandboxFeedItems.firstComment,
      createdAt: sandboxFeedItems.createdAt,
    })
    .from(sandboxFeedItems)
    .where(
      and(
        eq(sandboxFeedItems.workspaceId, workspaceId),
        before
          ? or(
              lt(sandboxFeedItems.createdAt, before.createdAt),
              and(eq(sandboxFeedItems.createdAt, before.createdAt), lt(sandboxFeedItems.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(sandboxFeedItems.createdAt), desc(sandboxFeedItems.id))
    .limit(page.limit + 1);
}
