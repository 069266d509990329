// Snapshots of a post's content, one per content revision, written in the transaction that creates
// the post or changes its content, so the review screen can diff against what a reviewer decided on.
import { type Executor, postRevisions } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { type Actor, personOf } from '../accounts/actor';
import { notFound } from '../errors';
import type { PostDeps } from './deps';
import type { PostRow, TargetRow } from './post-store';
import type { PostRevisionView } from './revision-schemas';
import { assertRole } from './workflow';

/** Records the post's current content under its current content revision. */
export async function recordRevision(
  tx: Executor,
  actor: Actor,
  post: PostRow,
  targets: readonly TargetRow[],
): Promise<void> {
  await tx.insert(postRevisions).values({
    postId: post.id,
    workspaceId: post.workspaceId,
    contentRevision: post.contentRevision,
    text: post.text,
    link: post.link,
    firstComment: post.firstComment,
    media: post.media,
    targets: targets.map((t) => ({
      channelId: t.channelId,
      network: t.network,
      text: t.textOverride,
      media: t.mediaOverride,
      firstComment: t.firstCommentOverride,
    })),
    createdByUserId: personOf(actor),
    createdByTokenId: actor.tokenId,
  });
}

/** One revision of a post of the actor's workspace; 404 for another workspace's post or a gap. */
export async function getRevision(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  contentRevision: number,
): Promise<PostRevisionView> {
  assertRole(actor.role, 'read');
  const [row] = await deps.db
    .select()
    .from(postRevisions)
    .where(
      and(
        eq(postRevisions.postId, postId),
        eq(postRevisions.workspaceId, actor.workspaceId),
        eq(postRevisions.contentRevision, contentRevision),
      ),
    );
  if (!row) throw notFound('revision');
  return {
    postId: row.postId,
    contentRevision: row.contentRevision,
    text: row.text,
    link: row.link,
    firstComment: row.firstComment,
    media: row.media,
    targets: row.targets,
    createdAt: row.createdAt,
    createdBy: { userId: row.createdByUserId, tokenId: row.createdByTokenId },
  };
}
