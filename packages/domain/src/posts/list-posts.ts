import { posts, postTargets } from '@cadence/db';
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { PostDeps } from './deps';
import { loadTargets } from './post-store';
import { toPostSummary } from './post-view';
import type { PostListFilter, PostSummary } from './schemas';
import { assertRole } from './workflow';

export interface PostPage {
  limit: number;
  /** The last item of the previous page. */
  after?: { createdAt: Date; id: string } | undefined;
}

/**
 * Newest first, with their targets; returns up to limit+1 rows so the caller can tell whether a
 * next page exists. Each page is one range scan of (workspace, created_at, id).
 */
export async function listPosts(
  deps: PostDeps,
  actor: Actor,
  filter: PostListFilter,
  page: PostPage,
): Promise<PostSummary[]> {
  assertRole(actor.role, 'read');
  const a = page.after;
  const rows = await deps.db
    .select()
    .from(posts)
    .where(
      and(
        eq(posts.workspaceId, actor.workspaceId),
        filter.status ? eq(posts.status, filter.status) : undefined,
        filter.campaignId ? eq(posts.campaignId, filter.campaignId) : undefined,
        filter.authorUserId ? eq(posts.authorUserId, filter.authorUserId) : undefined,
        filter.channelId
          ? inArray(
              posts.id,
              deps.db
                .select({ id: postTargets.postId })
                .from(postTargets)
                .where(
                  and(
                    eq(postTargets.workspaceId, actor.workspaceId),
                    eq(postTargets.channelId, filter.channelId),
                  ),
                ),
            )
          : undefined,
        a
          ? or(lt(posts.createdAt, a.createdAt), and(eq(posts.createdAt, a.createdAt), lt(posts.id, a.id)))
          : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(page.limit + 1);
  const targets = await loadTargets(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPostSummary(r, targets));
}
