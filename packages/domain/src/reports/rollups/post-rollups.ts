// The Workflow and Charter roll-up (report_post_days, decision 0302), recomputed from the facts and
// folded. Called inside rebuildReportRollups / foldReportRollups, under their advisory lock. The
// triggers of migration 0026 keep it in step between two rebuilds.
import type { Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';

const WENT_AHEAD = sql.raw(`('approved','scheduled','publishing','published','partially_published')`);

/**
 * One statement for the counts, so the delete and the insert share a snapshot (a transaction
 * committing meanwhile is counted once). The rows are the ones the triggers write: report_charter_rows' keys per post, the
 * approvals paired with their last submission, each reviewed post on its first submission's day.
 * A deleted post's review history is gone from the facts, so a rebuild no longer counts it.
 */
export async function rebuildPostRollups(tx: Executor, workspaceId: string): Promise<void> {
  // The state goes first (a key cannot be deleted and inserted again in one statement); a post
  // changing between the two statements is written again below from this statement's snapshot.
  await tx.execute(sql`delete from report_post_charter where workspace_id = ${workspaceId}`);
  await tx.execute(sql`with gone_days as (delete from report_post_days where workspace_id = ${workspaceId}),
    p as (
      select p.id, (coalesce(p.scheduled_at, p.updated_at) at time zone w.timezone)::date as d, w.timezone as tz,
        p.campaign_id, p.pillar_id, p.author_user_id, p.status::text as status, p.violations
      from posts p join workspaces w on w.id = p.workspace_id
      where p.workspace_id = ${workspaceId}
    ),
    sl as (
      select p.id as post_id, '' as slice, '' as network from p
      union all select distinct t.post_id, t.network::text, t.network::text from post_targets t where t.workspace_id = ${workspaceId}
      union all select t.post_id, t.channel_id::text, t.network::text from post_targets t where t.workspace_id = ${workspaceId}
    ),
    k as (
      select p.id, 'checked' as kind, '' as rule, 0::smallint as bucket from p
      union
      select p.id, 'verdict', x->>'rule', (case when x->>'severity' = 'block' then 0
          when p.status in ${WENT_AHEAD} then 2 else 1 end)::smallint
      from p, jsonb_array_elements(case when jsonb_typeof(p.violations) = 'array' then p.violations else '[]'::jsonb end) x
      where x->>'severity' in ('block', 'warn') and x->>'rule' is not null
    ),
    charter as (
      select p.id, p.d as day, sl.slice, sl.network, p.campaign_id, p.pillar_id, p.author_user_id as author_id,
        k.kind, k.rule, k.bucket
      from p join k on k.id = p.id join sl on sl.post_id = p.id
    ),
    state as (
      insert into report_post_charter (post_id, workspace_id, rows)
      select id, ${workspaceId}, jsonb_agg(jsonb_build_object('day', day, 'slice', slice, 'network', network,
          'campaign_id', campaign_id, 'pillar_id', pillar_id, 'author_id', author_id, 'kind', kind, 'rule', rule,
          'bucket', bucket) order by slice, kind, rule, bucket)
      from charter group by id
      on conflict (post_id) do update set rows = excluded.rows
    ),
    ev as (
      select e.post_id, e.action, e.to_status, e.created_at, e.seq from post_events e
      where e.workspace_id = ${workspaceId} and e.action in ('submitted', 'approved', 'changes_requested')
    ),
    approvals as (
      select a.post_id, (a.created_at at time zone p.tz)::date as day, 'approval' as kind,
        report_turnaround_bucket(extract(epoch from a.created_at - s.at)::float8) as bucket
      from ev a join p on p.id = a.post_id
        cross join lateral (select x.created_at as at from post_events x
          where x.post_id = a.post_id and x.seq < a.seq and x.action = 'submitted' order by x.seq desc limit 1) s
      where a.action = 'approved' and a.to_status = 'approved'
    ),
    reviews as (
      select e.post_id, ((array_agg(e.created_at order by e.seq) filter (where e.action = 'submitted'))[1]
          at time zone min(p.tz))::date as day, 'review' as kind,
        (count(*) filter (where e.action = 'changes_requested'))::smallint as bucket
      from ev e join p on p.id = e.post_id
      group by e.post_id having bool_or(e.action = 'submitted')
    ),
    workflow as (
      select f.day, sl.slice, sl.network, p.campaign_id, p.pillar_id, p.author_user_id as author_id,
        f.kind, '' as rule, f.bucket
      from (select * from approvals union all select * from reviews) f
        join p on p.id = f.post_id join sl on sl.post_id = f.post_id
    )
    insert into report_post_days (workspace_id, day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket, n, folded)
    select ${workspaceId}, day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket, count(*)::int, true
    from (select day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket from charter
      union all select * from workflow) x
    group by 2, 3, 4, 5, 6, 7, 8, 9, 10`);
}

/** Sums the appended rows of each touched day with that day's folded rows; returns the rows read. */
export async function foldPostRollups(tx: Executor): Promise<number> {
  const result = (await tx.execute(sql`with fresh as (
      delete from report_post_days where not folded returning *),
    touched as (select distinct workspace_id, day from fresh),
    old as (delete from report_post_days r using touched d
      where r.folded and r.workspace_id = d.workspace_id and r.day = d.day returning r.*),
    summed as (
      insert into report_post_days (workspace_id, day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket, n, folded)
      select workspace_id, day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket, sum(n)::int, true
      from (select * from fresh union all select * from old) x
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 having sum(n) <> 0
      returning 1)
    select (select count(*)::int from fresh) as folded`)) as unknown as { rows: { folded: number }[] };
  return result.rows[0]?.folded ?? 0;
}
