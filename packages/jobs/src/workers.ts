// Who is alive: every worker process (publisher, future job workers) upserts its row in
// `publisher_heartbeats` every second or so. A worker whose beat is older than `deadAfterMs`, or
// that recorded a stop, holds nothing any more: what it leased (jobs, post targets) is handed back
// by whoever notices first, in seconds rather than at the end of a long lease.
import { hostname } from 'node:os';
import { type Executor, publisherHeartbeats } from '@cadence/db';
import { and, isNotNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';

export interface WorkerState {
  startedAt: Date;
  inFlight: number;
  published: number;
  stopped?: boolean;
}

export async function beat(db: Executor, workerId: string, now: Date, state: WorkerState): Promise<void> {
  const values = {
    beatAt: now,
    inFlight: state.inFlight,
    published: state.published,
    stoppedAt: state.stopped ? now : null,
  };
  await db
    .insert(publisherHeartbeats)
    .values({ workerId, hostname: hostname(), pid: process.pid, startedAt: state.startedAt, ...values })
    .onConflictDoUpdate({ target: publisherHeartbeats.workerId, set: values });
}

/**
 * The workers that are gone, as a subquery to use in a lease guard (`lease_owner IN (...)`): their
 * beats stopped `deadAfterMs` ago, or they said they stopped. Never `self`: a process that sees
 * its own beats late is busy, not dead.
 */
export function goneWorkers(db: Executor, input: { now: Date; deadAfterMs: number; self: string }): SQL {
  const cutoff = new Date(input.now.getTime() - input.deadAfterMs);
  const query = db
    .select({ workerId: publisherHeartbeats.workerId })
    .from(publisherHeartbeats)
    .where(
      and(
        ne(publisherHeartbeats.workerId, input.self),
        or(isNotNull(publisherHeartbeats.stoppedAt), lt(publisherHeartbeats.beatAt, cutoff)),
      ),
    );
  return sql`(${query})`;
}
