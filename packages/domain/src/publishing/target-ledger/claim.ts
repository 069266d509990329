// claim / release: a worker takes targets due now or within its look-ahead, and gives back those it
// will not send. FOR UPDATE SKIP LOCKED lets any number of workers claim side by side without ever
// taking the same row; the lease (owner, expiry) says whose a target is and until when.
import { type Executor, type MediaRef, postTargets } from '@cadence/db';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { TargetStatus } from '../post-status';
import { uuidList } from './sql';

type Network = (typeof postTargets.$inferSelect)['network'];

/** A target a worker holds, as the claim returned it. */
export interface ClaimedTarget {
  id: string;
  postId: string;
  workspaceId: string;
  channelId: string;
  network: Network;
  scheduledAt: Date;
  nextAttemptAt: Date | null;
  attempts: number;
  textOverride: string | null;
  mediaOverride: MediaRef[] | null;
  firstCommentOverride: string | null;
}

const CLAIMABLE: TargetStatus = 'scheduled';

export async function claimDue(
  db: Executor,
  input: { workerId: string; now: Date; lookAheadMs: number; claimLeaseMs: number; limit: number },
): Promise<ClaimedTarget[]> {
  if (input.limit <= 0) return [];
  const horizon = new Date(input.now.getTime() + input.lookAheadMs);
  const due = db
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.status, CLAIMABLE),
        lte(postTargets.scheduledAt, horizon),
        or(isNull(postTargets.nextAttemptAt), lte(postTargets.nextAttemptAt, horizon)),
      ),
    )
    .orderBy(asc(postTargets.scheduledAt))
    .limit(input.limit)
    .for('update', { skipLocked: true });
  const nowIso = input.now.toISOString();
  const rows = await db
    .update(postTargets)
    .set({
      status: 'claimed',
      leaseOwner: input.workerId,
      leaseExpiresAt: sql`greatest(coalesce(${postTargets.nextAttemptAt}, ${postTargets.scheduledAt}), ${nowIso}::timestamptz) + ${input.claimLeaseMs} * interval '1 millisecond'`,
      updatedAt: input.now,
    })
    .where(and(inArray(postTargets.id, due), eq(postTargets.status, CLAIMABLE)))
    .returning({
      id: postTargets.id,
      postId: postTargets.postId,
      workspaceId: postTargets.workspaceId,
      channelId: postTargets.channelId,
      network: postTargets.network,
      scheduledAt: postTargets.scheduledAt,
      nextAttemptAt: postTargets.nextAttemptAt,
      attempts: postTargets.attempts,
      textOverride: postTargets.textOverride,
      mediaOverride: postTargets.mediaOverride,
      firstCommentOverride: postTargets.firstCommentOverride,
    });
  // The due filter only matches rows with an instant; the fallback only satisfies the type.
  return rows.map((r) => ({ ...r, scheduledAt: r.scheduledAt ?? input.now }));
}

/** Gives claimed targets back (shutdown, or a batch that could not start). */
export async function releaseClaims(
  db: Executor,
  workerId: string,
  ids: readonly string[],
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const released = await db
    .update(postTargets)
    .set({ status: 'scheduled', leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
    .where(
      and(
        sql`${postTargets.id} = ANY(${uuidList(ids)})`,
        eq(postTargets.status, 'claimed'),
        eq(postTargets.leaseOwner, workerId),
      ),
    )
    .returning({ id: postTargets.id });
  return released.length;
}
