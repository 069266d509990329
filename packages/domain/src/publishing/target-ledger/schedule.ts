// reschedule / unschedule / cancel: a person's workflow moving a post's targets that have not gone
// out. Guarded by status (only targets not yet claimed, or held/missed) and by the absence of a
// lease, so nothing a worker holds is ever moved from under it.
import { type Executor, postTargets } from '@cadence/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TargetStatus } from '../post-status';

/** A target that has not gone out (or was held/missed) follows the post to its new time. */
export const MOVABLE: readonly TargetStatus[] = ['pending', 'scheduled', 'held', 'missed'];

const movableOf = (postId: string) =>
  and(
    eq(postTargets.postId, postId),
    inArray(postTargets.status, [...MOVABLE]),
    isNull(postTargets.leaseOwner),
  );

export async function reschedule(tx: Executor, postId: string, at: Date, now: Date): Promise<number> {
  const rows = await tx
    .update(postTargets)
    .set({ status: 'scheduled', scheduledAt: at, nextAttemptAt: null, lastError: null, updatedAt: now })
    .where(movableOf(postId))
    .returning({ id: postTargets.id });
  return rows.length;
}

/** Takes the targets off the calendar (back to pending); the post's own time is the caller's business. */
export async function unschedule(tx: Executor, postId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(postTargets)
    .set({ status: 'pending', scheduledAt: null, nextAttemptAt: null, updatedAt: now })
    .where(movableOf(postId))
    .returning({ id: postTargets.id });
  return rows.length;
}

/** Stops the targets for good; the caller has checked that none is in flight. */
export async function cancel(tx: Executor, postId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(postTargets)
    .set({ status: 'cancelled', updatedAt: now })
    .where(movableOf(postId))
    .returning({ id: postTargets.id });
  return rows.length;
}
