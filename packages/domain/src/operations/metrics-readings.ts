// What the /metrics endpoint reads from the database at scrape time. Publishing figures come from
// the ledger and its attempt log rather than from counters inside each publisher, so one scrape of
// any API process sees the work of every publisher, wherever it runs.
import { type Executor, jobs, postTargets, publisherHeartbeats, targetAttempts } from '@cadence/db';
import { and, asc, count, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { STALE_AFTER_MS } from '../publishing/publisher-status';

/** The most attempts one scrape reads; the next scrape continues from where this one stopped. */
export const ATTEMPTS_PER_SCRAPE = 5_000;

export interface LedgerGauges {
  dueBacklog: number;
  targetsByStatus: { status: string; n: number }[];
  publishersAlive: number;
  jobsByKindAndStatus: { kind: string; status: string; n: number }[];
}

export async function readLedgerGauges(db: Executor, now: Date): Promise<LedgerGauges> {
  const [due] = await db
    .select({ n: count() })
    .from(postTargets)
    .where(and(eq(postTargets.status, 'scheduled'), lte(postTargets.scheduledAt, now)));
  const byStatus = await db
    .select({ status: postTargets.status, n: count() })
    .from(postTargets)
    .groupBy(postTargets.status);
  const [alive] = await db
    .select({ n: count() })
    .from(publisherHeartbeats)
    .where(
      and(
        isNull(publisherHeartbeats.stoppedAt),
        gt(publisherHeartbeats.beatAt, new Date(now.getTime() - STALE_AFTER_MS)),
      ),
    );
  // Finished jobs are swept after a week, so this stays a small grouped count.
  const jobCounts = await db
    .select({ kind: jobs.kind, status: jobs.status, n: count() })
    .from(jobs)
    .groupBy(jobs.kind, jobs.status);
  return {
    dueBacklog: due?.n ?? 0,
    targetsByStatus: byStatus,
    publishersAlive: alive?.n ?? 0,
    jobsByKindAndStatus: jobCounts,
  };
}

export interface FinishedAttempt {
  network: string;
  outcome: string;
  /** Seconds from the target's instant to the start of its send, for published sends. */
  lagSeconds: number | null;
  finishedAt: Date;
}

/** Attempts finished after `since` (oldest first, at most ATTEMPTS_PER_SCRAPE). */
export async function readAttemptsSince(db: Executor, since: Date): Promise<FinishedAttempt[]> {
  const rows = await db
    .select({
      network: postTargets.network,
      outcome: targetAttempts.outcome,
      lagMs: sql<
        number | null
      >`case when ${targetAttempts.outcome} = 'published' and ${postTargets.scheduledAt} is not null
        then extract(epoch from (${targetAttempts.startedAt} - ${postTargets.scheduledAt})) * 1000 end`,
      finishedAt: targetAttempts.finishedAt,
    })
    .from(targetAttempts)
    .innerJoin(postTargets, eq(postTargets.id, targetAttempts.targetId))
    .where(gt(targetAttempts.finishedAt, since))
    .orderBy(asc(targetAttempts.finishedAt))
    .limit(ATTEMPTS_PER_SCRAPE);
  return rows.map((r) => ({
    network: r.network,
    outcome: r.outcome,
    lagSeconds: r.lagMs === null ? null : Math.max(0, Number(r.lagMs) / 1000),
    finishedAt: r.finishedAt,
  }));
}
