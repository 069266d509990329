// hand back: targets whose worker is gone (its lease ran out, or its heartbeats stopped). A target
// still `claimed` never reached a network: it is claimable again at once. A target still `sending`
// may or may not have gone out: it becomes `unknown` and is queued for reconciliation through its
// adapter, never re-sent on the strength of a guess.
import { type Db, type Executor, postTargets, targetReconciliations } from '@cadence/db';
import { and, asc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { syncPostStatuses } from '../sync-post-status';
import { logAttempts } from './attempt-log';

const BATCH = 1000;
const INTERRUPTED = 'The publisher stopped while sending, before the answer was recorded';

export interface HandBackInput {
  now: Date;
  /** Workers that are gone (missed heartbeats), as a subquery: their leases end now, whatever their expiry. */
  deadWorkers?: SQL;
  /** Who is doing it, for the attempt log. */
  actor: string;
}

export async function handBack(db: Db, input: HandBackInput): Promise<{ released: number; unknown: number }> {
  const { now } = input;
  const gone = (): SQL | undefined => {
    const expired = lt(postTargets.leaseExpiresAt, now);
    return input.deadWorkers ? or(expired, sql`${postTargets.leaseOwner} IN ${input.deadWorkers}`) : expired;
  };
  const lost = (status: 'claimed' | 'sending') =>
    db
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(and(eq(postTargets.status, status), gone()))
      .orderBy(asc(postTargets.leaseExpiresAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });

  const released = await db
    .update(postTargets)
    .set({ status: 'scheduled', leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
    .where(and(inArray(postTargets.id, lost('claimed')), eq(postTargets.status, 'claimed'), gone()))
    .returning({ id: postTargets.id });

  const unknown = await db.transaction(async (tx) => {
    const rows = await tx
      .update(postTargets)
      .set({
        status: 'unknown',
        lastError: `${INTERRUPTED}; checking with the network`,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: now,
      })
      .where(and(inArray(postTargets.id, lost('sending')), eq(postTargets.status, 'sending'), gone()))
      .returning({
        id: postTargets.id,
        postId: postTargets.postId,
        workspaceId: postTargets.workspaceId,
        attempts: postTargets.attempts,
        sendingStartedAt: postTargets.sendingStartedAt,
      });
    if (rows.length === 0) return 0;
    await tx
      .insert(targetReconciliations)
      .values(rows.map((r) => ({ targetId: r.id, dueAt: now })))
      .onConflictDoNothing();
    await logAttempts(
      tx,
      rows.map((r) => ({
        targetId: r.id,
        workspaceId: r.workspaceId,
        attempt: r.attempts,
        outcome: 'ambiguous',
        detail: INTERRUPTED,
        actor: input.actor,
        startedAt: r.sendingStartedAt ?? now,
        finishedAt: now,
      })),
    );
    await syncPostStatuses(
      tx,
      rows.map((r) => r.postId),
    );
    return rows.length;
  });
  return { released: released.length, unknown };
}

/** Queues targets an outcome left `unknown` for reconciliation through their adapter. */
export async function queueReconciliation(tx: Executor, targetIds: readonly string[], now: Date) {
  if (targetIds.length === 0) return;
  await tx
    .insert(targetReconciliations)
    .values(targetIds.map((targetId) => ({ targetId, dueAt: now })))
    .onConflictDoNothing();
}
