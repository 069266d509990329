// The decaying pull schedule as jobs of the shared runner: the first pull is queued in the
// transaction that records a publication, each pull queues the next one. Keys are
// "<target>:<stage>", so recording the same publication twice, or two workers finishing the same
// pull, queue one job.
import type { Executor } from '@cadence/db';
import { enqueueJobs } from '@cadence/jobs';
import { sql } from 'drizzle-orm';
import { rowsOf, uuidList } from '../../publishing/target-ledger/sql';
import { METRICS_NETWORKS, METRICS_PULL_JOB, pullTime } from './schemas';

export interface PullPayload {
  targetId: string;
  stage: number;
}

/** Rate limits and outages can take a while: a pull tries for about a day before it is dropped. */
export const PULL_MAX_ATTEMPTS = 12;

export const pullKey = (p: PullPayload) => `${p.targetId}:${p.stage}`;

/** A published target whose network gives figures: its pulls are planned when it is recorded. */
export const pullable = (table = 'post_targets') => {
  const t = sql.identifier(table);
  return sql`${t}.status = 'published' AND ${t}.external_id IS NOT NULL
    AND ${t}.network::text = ANY(${`{${METRICS_NETWORKS.join(',')}}`}::text[])`;
};

/** Queues stage 0 for those of these targets that are published on a network with figures. */
export async function planFirstPulls(tx: Executor, targetIds: readonly string[], now: Date): Promise<number> {
  if (targetIds.length === 0) return 0;
  const rows = rowsOf<{ id: string; published_at: string | Date | null }>(
    await tx.execute(sql`
      SELECT id, published_at FROM post_targets WHERE id = ANY(${uuidList(targetIds)}) AND ${pullable()}`),
  );
  return planFirstPullsOf(tx, rows, now);
}

/** The same for rows already read (the statement that published them returned them). */
export function planFirstPullsOf(
  tx: Executor,
  rows: readonly { id: string; published_at: string | Date | null }[],
  now: Date,
): Promise<number> {
  return enqueuePulls(
    tx,
    rows.map((r) => ({
      targetId: r.id,
      publishedAt: r.published_at ? new Date(r.published_at) : now,
      stage: 0,
    })),
    now,
  );
}

/** Queues the given stages (skipping those past the schedule's end). */
export function enqueuePulls(
  db: Executor,
  pulls: readonly { targetId: string; publishedAt: Date; stage: number }[],
  now: Date,
): Promise<number> {
  const items = pulls.flatMap((p) => {
    const at = pullTime(p.publishedAt, p.stage);
    if (!at) return [];
    const payload: PullPayload = { targetId: p.targetId, stage: p.stage };
    return [{ payload, key: pullKey(payload), runAt: at, maxAttempts: PULL_MAX_ATTEMPTS }];
  });
  return enqueueJobs(db, METRICS_PULL_JOB, items, now);
}
