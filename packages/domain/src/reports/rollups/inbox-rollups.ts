// The Community report's roll-up (report_inbox_days, decision 0316), recomputed from the inbox's
// items and folded. Called inside rebuildReportRollups / foldReportRollups, under their advisory
// lock. The statement triggers of migration 0031 keep it in step between two rebuilds, through the
// same key function (report_inbox_keys).
import type { Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';

/**
 * One statement, so the delete and the insert share a snapshot (an item changing meanwhile is
 * counted once). Reads the workspace's timezone and first-response target as they are now: a
 * change of either queues this rebuild (update-workspace.ts).
 */
export async function rebuildInboxRollups(tx: Executor, workspaceId: string): Promise<void> {
  await tx.execute(sql`with gone as (delete from report_inbox_days where workspace_id = ${workspaceId})
    insert into report_inbox_days (workspace_id, day, channel_id, network, kind, bucket, n, folded)
    select i.workspace_id, (i.created_at at time zone w.timezone)::date, i.channel_id, i.network::text, k.kind, k.bucket,
      count(*)::int, true
    from inbox_items i
      join workspaces w on w.id = i.workspace_id,
      lateral report_inbox_keys(i.status::text, i.first_response_at, i.first_response_working_minutes,
        w.first_response_target_minutes) k
    where i.workspace_id = ${workspaceId}
    group by 1, 2, 3, 4, 5, 6`);
}

/** Sums the appended rows of each touched day with that day's folded rows; returns the rows read. */
export async function foldInboxRollups(tx: Executor): Promise<number> {
  const result = (await tx.execute(sql`with fresh as (
      delete from report_inbox_days where not folded returning *),
    touched as (select distinct workspace_id, day from fresh),
    old as (delete from report_inbox_days r using touched d
      where r.folded and r.workspace_id = d.workspace_id and r.day = d.day returning r.*),
    summed as (
      insert into report_inbox_days (workspace_id, day, channel_id, network, kind, bucket, n, folded)
      select workspace_id, day, channel_id, network, kind, bucket, sum(n)::int, true
      from (select * from fresh union all select * from old) x
      group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0
      returning 1)
    select (select count(*)::int from fresh) as folded`)) as unknown as { rows: { folded: number }[] };
  return result.rows[0]?.folded ?? 0;
}
