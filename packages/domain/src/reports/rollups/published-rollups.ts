// Rebuilding and folding report_published_days (decision 0314): the published targets per local
// day, slice, network and campaign that the Results report counts. The triggers of migration 0029
// append to it with report_target_days; these run under that roll-up's lock, in its jobs.
import type { Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';

/**
 * A workspace's rows from its published targets, in one statement (the delete and the insert
 * share a snapshot, so a target published meanwhile is counted once). Runs inside the caller's
 * transaction, which holds the roll-ups' lock.
 */
export async function rebuildPublishedRollups(tx: Executor, workspaceId: string): Promise<void> {
  await tx.execute(sql`with gone as (delete from report_published_days where workspace_id = ${workspaceId}),
    facts as (
      select pt.workspace_id, (pt.scheduled_at at time zone w.timezone)::date as day,
        pt.channel_id, pt.network, p.campaign_id, p.pillar_id, p.author_user_id
      from post_targets pt
        join posts p on p.id = pt.post_id
        join workspaces w on w.id = pt.workspace_id
      where pt.workspace_id = ${workspaceId} and pt.status = 'published' and pt.scheduled_at is not null
    )
    insert into report_published_days (workspace_id, day, dim, dim_value, network, campaign_id, n, folded)
    select f.workspace_id, f.day, s.dim, s.val, f.network::text, f.campaign_id, count(*)::int, true
    from facts f,
      lateral report_published_slices(f.channel_id, f.network::text, f.campaign_id, f.pillar_id, f.author_user_id) s
    group by 1, 2, 3, 4, 5, 6`);
}

/** Sums the appended rows of each touched day with that day's folded rows; returns the rows read. */
export async function foldPublishedRollups(tx: Executor): Promise<number> {
  const result = (await tx.execute(sql`with fresh as (
      delete from report_published_days where not folded returning *),
    touched as (select distinct workspace_id, day from fresh),
    old as (delete from report_published_days r using touched d
      where r.folded and r.workspace_id = d.workspace_id and r.day = d.day returning r.*),
    summed as (
      insert into report_published_days (workspace_id, day, dim, dim_value, network, campaign_id, n, folded)
      select workspace_id, day, dim, dim_value, network, campaign_id, sum(n)::int, true
      from (select * from fresh union all select * from old) x
      group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0
      returning 1)
    select (select count(*)::int from fresh) as folded`)) as unknown as { rows: { folded: number }[] };
  return result.rows[0]?.folded ?? 0;
}
