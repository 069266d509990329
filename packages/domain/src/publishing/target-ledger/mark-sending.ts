// mark sending: committed BEFORE any network is called, so a crash mid-call leaves a trace to
// reconcile, never a silent gap. Only targets this worker still holds as `claimed` move, and only
// while their channel is still connected: the checks ran before the instant (prepare), and a
// person may have disconnected the channel since.
import { type Executor, postTargets } from '@cadence/db';
import { and, eq, sql } from 'drizzle-orm';

const CHANNEL_STILL_CONNECTED = sql`EXISTS (SELECT 1 FROM channels c WHERE c.id = ${postTargets.channelId} AND c.status = 'connected')`;
import { uuidList } from './sql';

/** Returns each target that moved with its new attempt number; the others are no longer ours. */
export async function markSending(
  db: Executor,
  input: { workerId: string; ids: readonly string[]; now: Date; leaseMs: number },
): Promise<Map<string, number>> {
  if (input.ids.length === 0) return new Map();
  const marked = await db
    .update(postTargets)
    .set({
      status: 'sending',
      attempts: sql`${postTargets.attempts} + 1`,
      sendingStartedAt: input.now,
      leaseExpiresAt: new Date(input.now.getTime() + input.leaseMs),
      updatedAt: input.now,
    })
    .where(
      and(
        sql`${postTargets.id} = ANY(${uuidList(input.ids)})`,
        eq(postTargets.status, 'claimed'),
        eq(postTargets.leaseOwner, input.workerId),
        CHANNEL_STILL_CONNECTED,
      ),
    )
    .returning({ id: postTargets.id, attempts: postTargets.attempts });
  return new Map(marked.map((m) => [m.id, m.attempts]));
}

/**
 * Undoes `markSending` for targets whose call never started (they waited for a free call slot
 * longer than their lease allows a call to take): back to `scheduled`, the attempt not counted, so
 * any worker sends them again at once instead of reconciliation guessing about a call never made.
 */
export async function unmarkSending(
  db: Executor,
  input: { workerId: string; ids: readonly string[]; now: Date },
): Promise<number> {
  if (input.ids.length === 0) return 0;
  const undone = await db
    .update(postTargets)
    .set({
      status: 'scheduled',
      attempts: sql`${postTargets.attempts} - 1`,
      sendingStartedAt: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: input.now,
    })
    .where(
      and(
        sql`${postTargets.id} = ANY(${uuidList(input.ids)})`,
        eq(postTargets.status, 'sending'),
        eq(postTargets.leaseOwner, input.workerId),
      ),
    )
    .returning({ id: postTargets.id });
  return undone.length;
}
