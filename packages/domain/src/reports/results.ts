// The "Results" report: per network and campaign, the published targets of the period and the
// figures of those measured; the top and bottom posts by engagement; follower counts per channel
// and day. Figures come from the engagement roll-ups (decision 0305), published-target counts from
// report_published_days (decision 0314); engagement-query.ts says which part of the period reads what.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { figureRows, postNetworks, rankedPostRows, targetCountRows } from './engagement-query';
import { METRIC_NAMES } from './metrics/schemas';
import { iso, type ReportQuery, type ReportScope, runJsonReport, scopeOf } from './report-scope';
import { RESULTS_MAX_ROWS, RESULTS_TOP, type ResultsReport } from './results-schemas';

/** A figure summed over no target is "not available" (null), never 0. */
const figure = (name: string) => sql.raw(`case when k.${name}_n > 0 then k.${name} end`);
const engagement = sql`case when k.measured > 0 then k.replies + k.reposts + k.likes + k.quotes end`;

function rankedPosts(s: ReportScope, order: 'top' | 'bottom'): SQL {
  const direction = order === 'top' ? sql`desc` : sql`asc`;
  return sql`(select json_agg(json_build_object('postId', p.id, 'excerpt', left(p.text, 80),
      'scheduledAt', to_char(p.scheduled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'networks', ${postNetworks(s, sql`r.post_id`)}, 'engagement', r.eng) order by r.eng ${direction}, r.post_id)
    from (select post_id, sum(engagement)::float8 as eng from (${rankedPostRows(s, order, RESULTS_TOP)}) c
      group by post_id order by 2 ${direction}, 1 limit ${RESULTS_TOP}) r join posts p on p.id = r.post_id)`;
}

export function resultsQuery(s: ReportScope) {
  const figures = sql.join(
    METRIC_NAMES.map((name) => sql`${figure(name)} as ${sql.raw(name)}`),
    sql`, `,
  );
  return sql`with f as (${figureRows(s, ['network', 'campaign'])}),
    fs as (select grp, val, sum(measured)::int as measured, sum(replies)::float8 as replies,
        sum(replies_n)::int as replies_n, sum(reposts)::float8 as reposts, sum(reposts_n)::int as reposts_n,
        sum(likes)::float8 as likes, sum(likes_n)::int as likes_n, sum(quotes)::float8 as quotes,
        sum(quotes_n)::int as quotes_n
      from f group by 1, 2),
    n as (select grp, val, sum(n)::int as targets from (${targetCountRows(s)}) c group by 1, 2 having sum(n) <> 0),
    k as (select coalesce(n.grp, fs.grp) as grp, coalesce(n.val, fs.val) as val, coalesce(n.targets, 0) as targets,
        coalesce(fs.measured, 0) as measured, fs.replies, coalesce(fs.replies_n, 0) as replies_n, fs.reposts,
        coalesce(fs.reposts_n, 0) as reposts_n, fs.likes, coalesce(fs.likes_n, 0) as likes_n, fs.quotes,
        coalesce(fs.quotes_n, 0) as quotes_n
      from n full join fs on fs.grp = n.grp and fs.val = n.val
      where coalesce(n.targets, 0) > 0 or coalesce(fs.measured, 0) > 0),
    nt as (select k.val as network, k.targets, k.measured, ${figures}, ${engagement} as eng
      from k where k.grp = 'network'),
    ct as (select nullif(k.val, '')::uuid as campaign_id, k.targets, k.measured, ${engagement} as eng
      from k where k.grp = 'campaign' order by 4 desc nulls last, 1 limit ${RESULTS_MAX_ROWS}),
    fc as (select f.channel_id, (array_agg(f.followers order by f.day))[1] as first,
        (array_agg(f.followers order by f.day desc))[1] as last
      from channel_follower_counts f join channels c on c.id = f.channel_id
      where f.workspace_id = ${s.workspaceId}
        and f.day >= (${iso(s.from)} at time zone 'UTC')::date and f.day < (${iso(s.to)} at time zone 'UTC')::date
        ${s.channelId ? sql`and f.channel_id = ${s.channelId}` : sql``}
        ${s.network ? sql`and c.network = ${s.network}` : sql``}
      group by f.channel_id limit ${RESULTS_MAX_ROWS})
    select json_build_object(
      'networks', coalesce((select json_agg(json_build_object('network', nt.network, 'targets', nt.targets,
          'measured', nt.measured, ${sql.join(
            METRIC_NAMES.map((name) => sql`${name}::text, nt.${sql.raw(name)}`),
            sql`, `,
          )}, 'engagement', nt.eng,
          'engagementPerPost', nt.eng / nullif(nt.measured, 0)) order by nt.network::network) from nt), '[]'::json),
      'campaigns', coalesce((select json_agg(json_build_object('campaignId', ct.campaign_id, 'name', c.name,
          'targets', ct.targets, 'measured', ct.measured, 'engagement', ct.eng,
          'engagementPerPost', ct.eng / nullif(ct.measured, 0)) order by ct.eng desc nulls last, c.name)
        from ct left join campaigns c on c.id = ct.campaign_id), '[]'::json),
      'top', coalesce(${rankedPosts(s, 'top')}, '[]'::json),
      'bottom', coalesce(${rankedPosts(s, 'bottom')}, '[]'::json),
      'followers', coalesce((select json_agg(json_build_object('channelId', c.id, 'channel', c.display_name,
          'network', c.network, 'first', fc.first, 'last', fc.last, 'change', fc.last - fc.first)
          order by c.display_name, c.id) from fc join channels c on c.id = fc.channel_id), '[]'::json)
    ) as report`;
}

export async function resultsReport(db: Executor, actor: Actor, query: ReportQuery): Promise<ResultsReport> {
  const s = scopeOf(actor, query);
  const rows = await runJsonReport<Omit<ResultsReport, 'timezone' | 'from' | 'to'>>(db, resultsQuery(s));
  return { timezone: s.timezone, from: s.from.toISOString(), to: s.to.toISOString(), ...rows };
}

const cell = (v: number | null) => (v === null ? '' : String(Math.round(v * 1000) / 1000));

/** The per-network table; "not available" is an empty cell, never 0. */
export function resultsCsv(report: ResultsReport): string {
  return stringify(
    report.networks.map((n) => [
      n.network,
      n.targets,
      n.measured,
      ...METRIC_NAMES.map((name) => cell(n[name])),
      cell(n.engagement),
      cell(n.engagementPerPost),
    ]),
    {
      header: true,
      columns: ['network', 'targets', 'measured', ...METRIC_NAMES, 'engagement', 'engagement_per_post'],
    },
  );
}
