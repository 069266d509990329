// Where library items are used: a post's media list or a network's override of it, found by
// JSON containment on the `mediaId` that library references carry.
import { type Executor, mediaItems, posts, postTargets } from '@cadence/db';
import { and, eq, inArray, sql } from 'drizzle-orm';

export interface PostUse {
  id: string;
  status: string;
}

export async function postsUsingMedia(
  db: Executor,
  workspaceId: string,
  mediaIds: string[],
): Promise<Map<string, PostUse[]>> {
  const uses = new Map<string, PostUse[]>(mediaIds.map((id) => [id, []]));
  if (mediaIds.length === 0) return uses;
  const ref = sql`jsonb_build_array(jsonb_build_object('mediaId', ${mediaItems.id}::text))`;
  const rows = await db
    .selectDistinct({
      mediaId: mediaItems.id,
      postId: posts.id,
      status: posts.status,
      createdAt: posts.createdAt,
    })
    .from(mediaItems)
    .innerJoin(
      posts,
      and(
        eq(posts.workspaceId, mediaItems.workspaceId),
        sql`(${posts.media} @> ${ref} or exists (select 1 from ${postTargets} where ${postTargets.postId} = ${posts.id} and ${postTargets.mediaOverride} @> ${ref}))`,
      ),
    )
    .where(and(eq(mediaItems.workspaceId, workspaceId), inArray(mediaItems.id, mediaIds)))
    .orderBy(posts.createdAt);
  for (const row of rows) uses.get(row.mediaId)?.push({ id: row.postId, status: row.status });
  return uses;
}

/** A post that still needs its media: anything not yet published for good or cancelled. */
export const holdsMedia = (use: PostUse) => use.status !== 'published' && use.status !== 'cancelled';

/** For a statement on media_items: no post nor network override references the row. */
export const notUsedByAnyPost = sql`not exists (select 1 from ${posts} where ${posts.workspaceId} = ${mediaItems.workspaceId} and ${posts.media} @> jsonb_build_array(jsonb_build_object('mediaId', ${mediaItems.id}::text))) and not exists (select 1 from ${postTargets} where ${postTargets.workspaceId} = ${mediaItems.workspaceId} and ${postTargets.mediaOverride} @> jsonb_build_array(jsonb_build_object('mediaId', ${mediaItems.id}::text)))`;
