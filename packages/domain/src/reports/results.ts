// The "Results" report: the published targets of the period (a range scan of the calendar index),
// their latest figures (target_metrics, one row per target and name: never the series), rolled up
// per network, campaign and post inside PostgreSQL; follower counts per channel and day.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { METRIC_NAMES } from './metrics/schemas';
import {
  iso,
  type ReportQuery,
  type ReportScope,
  runJsonReport,
  scopeOf,
  targetFilters,
} from './report-scope';
import { RESULTS_MAX_ROWS, RESULTS_TOP, type ResultsReport } from './results-schemas';

const postRow = sql`json_build_object('postId', p.id, 'excerpt', left(p.text, 80),
  'scheduledAt', to_char(p.scheduled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  'networks', pe.networks, 'engagement', pe.eng)`;

export function resultsQuery(s: ReportScope) {
  const figures = sql.join(
    METRIC_NAMES.map(
      (name) =>
        sql`${name}::text, (select total from nm where nm.network = nt.network and nm.metric = ${name})`,
    ),
    sql`, `,
  );
  return sql`with t as (
      select pt.id, pt.post_id, pt.network, pt.channel_id from post_targets pt
      where pt.workspace_id = ${s.workspaceId} and pt.status = 'published'
        and pt.scheduled_at >= ${iso(s.from)} and pt.scheduled_at < ${iso(s.to)} ${targetFilters(s)}
    ),
    m as (select t.id as target_id, t.network, tm.metric::text as metric, tm.value
      from t join target_metrics tm on tm.target_id = t.id),
    te as (select target_id, sum(value)::float8 as eng from m group by target_id),
    nm as (select network, metric, sum(value)::float8 as total from m group by 1, 2),
    nt as (select t.network, count(*)::int as targets, count(te.target_id)::int as measured, sum(te.eng) as eng
      from t left join te on te.target_id = t.id group by 1),
    ct as (select p.campaign_id, count(*)::int as targets, count(te.target_id)::int as measured, sum(te.eng) as eng
      from t join posts p on p.id = t.post_id left join te on te.target_id = t.id group by 1
      order by sum(te.eng) desc nulls last, 1 limit ${RESULTS_MAX_ROWS}),
    pe as (select t.post_id, sum(te.eng) as eng, array_agg(distinct t.network) as networks
      from t join te on te.target_id = t.id group by t.post_id),
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
          'measured', nt.measured, ${figures}, 'engagement', nt.eng,
          'engagementPerPost', nt.eng / nullif(nt.measured, 0)) order by nt.network) from nt), '[]'::json),
      'campaigns', coalesce((select json_agg(json_build_object('campaignId', ct.campaign_id, 'name', c.name,
          'targets', ct.targets, 'measured', ct.measured, 'engagement', ct.eng,
          'engagementPerPost', ct.eng / nullif(ct.measured, 0)) order by ct.eng desc nulls last, c.name)
        from ct left join campaigns c on c.id = ct.campaign_id), '[]'::json),
      'top', coalesce((select json_agg(r) from (select ${postRow} as r from pe join posts p on p.id = pe.post_id
        order by pe.eng desc, p.id limit ${RESULTS_TOP}) x), '[]'::json),
      'bottom', coalesce((select json_agg(r) from (select ${postRow} as r from pe join posts p on p.id = pe.post_id
        order by pe.eng asc, p.id limit ${RESULTS_TOP}) x), '[]'::json),
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
