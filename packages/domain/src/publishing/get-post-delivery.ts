// Where each target of a post stands, with its attempt history: what the team reads when a post
// did not go out as planned.
import { type Db, posts, postTargets, targetAttempts } from '@cadence/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { notFound } from '../errors';
import { toTargetView } from './confirm-unknown-target';

export async function getPostDelivery(db: Db, workspaceId: string, postId: string) {
  const [post] = await db
    .select({ id: posts.id, status: posts.status })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)));
  if (!post) throw notFound('post');
  const targets = await db
    .select()
    .from(postTargets)
    .where(eq(postTargets.postId, postId))
    .orderBy(asc(postTargets.createdAt), asc(postTargets.id));
  const log = targets.length
    ? await db
        .select()
        .from(targetAttempts)
        .where(
          inArray(
            targetAttempts.targetId,
            targets.map((t) => t.id),
          ),
        )
        .orderBy(asc(targetAttempts.finishedAt))
        .limit(1000)
    : [];
  return {
    postId: post.id,
    postStatus: post.status,
    targets: targets.map((t) => ({
      ...toTargetView(t),
      history: log
        .filter((l) => l.targetId === t.id)
        .map((l) => ({ attempt: l.attempt, outcome: l.outcome, detail: l.detail, at: l.finishedAt })),
    })),
  };
}
