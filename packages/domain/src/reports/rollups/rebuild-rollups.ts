// Filling and tidying the report roll-ups (decisions 0255, 0302, 0314, 0316). The triggers of migrations 0016
// and 0026 keep them in step with every change; these run as jobs of the shared runner:
// - rebuild: a workspace's rows recomputed from its targets (a change of timezone moves every
//   local day; existing data when the roll-ups arrive; the benchmark's seed);
// - fold: the rows transactions appended, summed into one row per key.
import type { Executor } from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { sql } from 'drizzle-orm';
import { foldInboxRollups, rebuildInboxRollups } from './inbox-rollups';
import { foldPostRollups, rebuildPostRollups } from './post-rollups';
import { foldPublishedRollups, rebuildPublishedRollups } from './published-rollups';

export const REBUILD_ROLLUPS_JOB = 'reports.rebuild-rollups';

/**
 * Queues a rebuild in the caller's transaction (a change of timezone commits with its rebuild
 * queued). No key: a second change while a rebuild runs needs a second rebuild.
 */
export async function enqueueRollupRebuild(tx: Executor, workspaceId: string, now: Date): Promise<void> {
  await enqueueJob(tx, REBUILD_ROLLUPS_JOB, { workspaceId }, { now });
}

/** Fold and rebuild take this lock so neither sums rows the other is replacing. */
const lockRollups = sql`select pg_advisory_xact_lock(hashtext('report_target_days'))`;

/**
 * One statement: the delete and the insert share a snapshot, so a transaction committing meanwhile
 * is counted exactly once (its facts and its delta rows are either both seen or both not).
 */
export async function rebuildReportRollups(db: Executor, workspaceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(lockRollups);
    await tx.execute(sql`with gone as (delete from report_target_days where workspace_id = ${workspaceId}),
      facts as (
        select pt.workspace_id, (pt.scheduled_at at time zone w.timezone)::date as day, k.st, k.bucket, k.reason,
          pt.channel_id, pt.network, p.campaign_id, p.pillar_id, p.author_user_id
        from post_targets pt
          join posts p on p.id = pt.post_id
          join workspaces w on w.id = pt.workspace_id,
          lateral report_target_key(pt.status::text, pt.scheduled_at, pt.published_at, pt.updated_at, pt.last_error) k
        where pt.workspace_id = ${workspaceId} and pt.scheduled_at is not null
      )
      insert into report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n, folded)
      select f.workspace_id, f.day, s.dim, s.val, f.st, f.bucket, f.reason, count(*)::int, true
      from facts f, lateral (values ('all', ''), ('channel', f.channel_id::text), ('network', f.network::text),
        ('campaign', f.campaign_id::text), ('pillar', f.pillar_id), ('author', f.author_user_id::text)) s(dim, val)
      where s.val is not null
      group by 1, 2, 3, 4, 5, 6, 7`);
    await rebuildPublishedRollups(tx, workspaceId);
    await rebuildPostRollups(tx, workspaceId);
    await rebuildInboxRollups(tx, workspaceId);
  });
}

/** Sums the appended rows of each touched day with that day's folded rows; returns the rows read. */
export async function foldReportRollups(db: Executor): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(lockRollups);
    const others =
      (await foldPostRollups(tx)) + (await foldPublishedRollups(tx)) + (await foldInboxRollups(tx));
    const result = (await tx.execute(sql`with fresh as (
        delete from report_target_days where not folded returning *),
      touched as (select distinct workspace_id, day from fresh),
      old as (delete from report_target_days r using touched d
        where r.folded and r.workspace_id = d.workspace_id and r.day = d.day returning r.*),
      summed as (
        insert into report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n, folded)
        select workspace_id, day, dim, dim_value, status, delay_bucket, reason, sum(n)::int, true
        from (select * from fresh union all select * from old) x
        group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0
        returning 1)
      select (select count(*)::int from fresh) as folded`)) as unknown as { rows: { folded: number }[] };
    return others + (result.rows[0]?.folded ?? 0);
  });
}
