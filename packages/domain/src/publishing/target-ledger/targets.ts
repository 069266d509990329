// add / change overrides / remove: the composer's writes to a post's targets. New targets start
// `pending` (the column's default); only targets nobody holds are changed or removed.
import { type Executor, postTargets } from '@cadence/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';

export type NewTarget = Pick<
  typeof postTargets.$inferInsert,
  | 'postId'
  | 'workspaceId'
  | 'channelId'
  | 'network'
  | 'textOverride'
  | 'mediaOverride'
  | 'firstCommentOverride'
>;
type Overrides = Pick<NewTarget, 'textOverride' | 'mediaOverride' | 'firstCommentOverride'>;

export async function addTargets(tx: Executor, targets: readonly NewTarget[]) {
  if (targets.length === 0) return [];
  return tx
    .insert(postTargets)
    .values(targets.map((t) => ({ ...t })))
    .returning();
}

export async function setOverrides(
  tx: Executor,
  postId: string,
  targetId: string,
  values: Overrides,
  now: Date,
) {
  await tx
    .update(postTargets)
    .set({ ...values, updatedAt: now })
    .where(and(eq(postTargets.id, targetId), eq(postTargets.postId, postId)));
}

export async function removeTargets(tx: Executor, postId: string, targetIds: readonly string[]) {
  if (targetIds.length === 0) return;
  await tx
    .delete(postTargets)
    .where(
      and(
        eq(postTargets.postId, postId),
        inArray(postTargets.id, [...targetIds]),
        isNull(postTargets.leaseOwner),
      ),
    );
}
