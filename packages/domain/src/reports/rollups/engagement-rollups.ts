// Filling and tidying the engagement roll-ups (decision 0305), on the same rebuild and fold jobs
// as the Plan kept roll-up: the rebuild recomputes a workspace's rows from its figures (a change
// of timezone moves every local day and hour; existing figures when the roll-ups arrive; the
// benchmark's seed), the fold sums the rows pulls appended into one row per key.
import type { Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';

/**
 * Taken exclusively here, shared by the triggers of migration 0021: a rebuild or fold waits for the
 * transactions writing figures, and figures written meanwhile are diffed against the rebuilt rows.
 */
const lockEngagement = sql`select pg_advisory_xact_lock(hashtext('report_engagement'))`;

/** Each measured target as the triggers snapshot it, from its figures, target and post. */
const facts = (workspaceId: string) => sql`select pt.id as target_id, pt.workspace_id, pt.post_id,
    (pt.scheduled_at at time zone w.timezone)::date as day, pt.scheduled_at,
    extract(isodow from coalesce(pt.published_at, pt.scheduled_at) at time zone w.timezone)::smallint as weekday,
    extract(hour from coalesce(pt.published_at, pt.scheduled_at) at time zone w.timezone)::smallint as hour,
    pt.channel_id, pt.network::text as network, p.campaign_id, p.pillar_id, p.author_user_id,
    m.replies, m.reposts, m.likes, m.quotes, m.engagement
  from (select target_id,
      max(value) filter (where metric = 'replies') as replies,
      max(value) filter (where metric = 'reposts') as reposts,
      max(value) filter (where metric = 'likes') as likes,
      max(value) filter (where metric = 'quotes') as quotes,
      sum(value)::bigint as engagement
    from target_metrics where workspace_id = ${workspaceId} group by target_id) m
    join post_targets pt on pt.id = m.target_id
    join posts p on p.id = pt.post_id
    join workspaces w on w.id = pt.workspace_id
  where pt.scheduled_at is not null`;

const slices = sql`lateral (values ('all', ''), ('channel', x.channel_id::text), ('network', x.network),
    ('campaign', x.campaign_id::text), ('pillar', x.pillar_id), ('author', x.author_user_id::text)) as s(dim, val)`;

export async function rebuildEngagementRollups(db: Executor, workspaceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(lockEngagement);
    await tx.execute(sql`delete from target_engagement where workspace_id = ${workspaceId}`);
    await tx.execute(sql`delete from report_engagement_days where workspace_id = ${workspaceId}`);
    await tx.execute(sql`delete from post_engagement where workspace_id = ${workspaceId}`);
    await tx.execute(sql`insert into target_engagement (target_id, workspace_id, post_id, day, scheduled_at,
        weekday, hour, channel_id, network, campaign_id, pillar_id, author_user_id, replies, reposts, likes,
        quotes, engagement)
      ${facts(workspaceId)}`);
    await tx.execute(sql`insert into report_engagement_days (workspace_id, day, dim, dim_value, grp, grp_value,
        measured, replies, replies_n, reposts, reposts_n, likes, likes_n, quotes, quotes_n, folded)
      select x.workspace_id, x.day, s.dim, s.val, g.grp, g.val, count(*)::int,
        coalesce(sum(x.replies), 0)::bigint, count(x.replies)::int, coalesce(sum(x.reposts), 0)::bigint,
        count(x.reposts)::int, coalesce(sum(x.likes), 0)::bigint, count(x.likes)::int,
        coalesce(sum(x.quotes), 0)::bigint, count(x.quotes)::int, true
      from target_engagement x, ${slices},
        lateral (values ('network', x.network), ('campaign', coalesce(x.campaign_id::text, '')),
          ('cell', x.weekday || ':' || x.hour)) as g(grp, val)
      where x.workspace_id = ${workspaceId} and s.val is not null
      group by 1, 2, 3, 4, 5, 6`);
    await tx.execute(sql`insert into post_engagement (workspace_id, post_id, dim, dim_value, day, measured, engagement)
      select x.workspace_id, x.post_id, s.dim, s.val, x.day, count(*)::int, sum(x.engagement)::bigint
      from target_engagement x, ${slices}
      where x.workspace_id = ${workspaceId} and s.val is not null
      group by 1, 2, 3, 4, 5`);
  });
}

/** Sums the appended rows of each touched day with that day's folded rows; returns the rows read. */
export async function foldEngagementRollups(db: Executor): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(lockEngagement);
    const result = (await tx.execute(sql`with fresh as (
        delete from report_engagement_days where not folded returning *),
      touched as (select distinct workspace_id, day from fresh),
      old as (delete from report_engagement_days r using touched d
        where r.folded and r.workspace_id = d.workspace_id and r.day = d.day returning r.*),
      summed as (
        insert into report_engagement_days (workspace_id, day, dim, dim_value, grp, grp_value, measured,
          replies, replies_n, reposts, reposts_n, likes, likes_n, quotes, quotes_n, folded)
        select workspace_id, day, dim, dim_value, grp, grp_value, sum(measured)::int, sum(replies)::bigint,
          sum(replies_n)::int, sum(reposts)::bigint, sum(reposts_n)::int, sum(likes)::bigint, sum(likes_n)::int,
          sum(quotes)::bigint, sum(quotes_n)::int, true
        from (select * from fresh union all select * from old) x
        group by 1, 2, 3, 4, 5, 6
        having sum(measured) <> 0 or sum(replies) <> 0 or sum(reposts) <> 0 or sum(likes) <> 0
          or sum(quotes) <> 0 or sum(replies_n) <> 0 or sum(reposts_n) <> 0 or sum(likes_n) <> 0
          or sum(quotes_n) <> 0
        returning 1)
      select (select count(*)::int from fresh) as folded`)) as unknown as { rows: { folded: number }[] };
    return result.rows[0]?.folded ?? 0;
  });
}
