// reschedule / unschedule / cancel: a person's workflow moving a post's targets that have not gone
// out. Guarded by status (only targets not yet claimed, or held/missed) and by the absence of a
// lease, so nothing a worker holds is ever moved from under it.
import { type Executor, postTargets } from '@cadence/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TargetStatus } from '../post-status';
import { rowsOf, uuidList } from './sql';

/** A target that has not gone out (or was held/missed) follows the post to its new time. */
export const MOVABLE: readonly TargetStatus[] = ['pending', 'scheduled', 'held', 'missed'];

const movableOf = (postId: string) =>
  and(
    eq(postTargets.postId, postId),
    inArray(postTargets.status, [...MOVABLE]),
    isNull(postTargets.leaseOwner),
  );

/** A post's movable targets follow it to its new time. */
export async function reschedule(tx: Executor, postId: string, at: Date, now: Date): Promise<number> {
  return rescheduleMany(tx, [{ postId, at }], now);
}

/** The same for many posts, each to its own time, in one statement (bulk schedule). */
export async function rescheduleMany(
  tx: Executor,
  moves: readonly { postId: string; at: Date }[],
  now: Date,
): Promise<number> {
  if (moves.length === 0) return 0;
  const json = JSON.stringify(moves.map((m) => ({ post_id: m.postId, at: m.at.toISOString() })));
  const result = await tx.execute(sql`
    UPDATE post_targets AS t SET
      status = 'scheduled',
      scheduled_at = v.at,
      next_attempt_at = null,
      last_error = null,
      updated_at = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json}::jsonb) AS v(post_id uuid, at timestamptz)
    WHERE t.post_id = v.post_id
      AND t.post_id = ANY(${uuidList(moves.map((m) => m.postId))})
      AND t.status = ANY(${`{${MOVABLE.join(',')}}`}::target_status[])
      AND t.lease_owner IS NULL
    RETURNING t.id`);
  return rowsOf(result).length;
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
