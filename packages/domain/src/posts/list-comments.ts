import { postComments } from '@cadence/db';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { toCommentView } from './comment-post';
import type { PostDeps } from './deps';
import { findPost } from './post-store';
import { assertRole } from './workflow';

/** The conversation, oldest first (it reads as a thread); up to limit+1 rows for paging. */
export async function listComments(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  page: { limit: number; after?: { createdAt: Date; id: string } | undefined },
) {
  assertRole(actor.role, 'read');
  await findPost(deps.db, actor.workspaceId, postId);
  const a = page.after;
  const rows = await deps.db
    .select()
    .from(postComments)
    .where(
      and(
        eq(postComments.postId, postId),
        eq(postComments.workspaceId, actor.workspaceId),
        a
          ? or(
              gt(postComments.createdAt, a.createdAt),
              and(eq(postComments.createdAt, a.createdAt), gt(postComments.id, a.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(postComments.createdAt), asc(postComments.id))
    .limit(page.limit + 1);
  return rows.map(toCommentView);
}
