// The "Workflow" report from the posts' history: turnaround pairs each approval that made a post
// "approved" with the last submission before it; rounds count the changes requested on each post
// submitted in the period. One statement: the period's events through the (workspace, time) index,
// each approval's submission through the (post, seq) index (decision 0230).
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { iso, postFilters, type ReportQuery, type ReportScope, runJsonReport, scopeOf } from './report-scope';
import { ROUNDS_CAP, type WorkflowReport } from './workflow-schemas';

export function workflowQuery(s: ReportScope) {
  const tz = s.timezone;
  const filtered = Boolean(s.campaignId || s.pillarId || s.authorId || s.channelId || s.network);
  return sql`with ev as (
      select e.post_id, e.action, e.to_status, e.created_at, e.seq
      from post_events e
      where e.workspace_id = ${s.workspaceId}
        and e.created_at >= ${iso(s.from)} and e.created_at < ${iso(s.to)}
        and e.action in ('submitted', 'approved', 'changes_requested')
        ${filtered ? sql`and exists (select 1 from posts p where p.id = e.post_id ${postFilters(s)})` : sql``}
    ),
    -- Each approval's last submission before it, through the (post, seq) index: one short backward
    -- walk per approval, whenever the submission was (a correlated lookup into the period's
    -- events was quadratic, and a window needed months of history read before the period).
    turn as (
      select a.created_at as approved_at,
        date_trunc('week', a.created_at at time zone ${tz}) as wk,
        extract(epoch from a.created_at - (select x.created_at from post_events x
          where x.post_id = a.post_id and x.seq < a.seq and x.action = 'submitted'
          order by x.seq desc limit 1))::float8 as secs
      from ev a
      where a.action = 'approved' and a.to_status = 'approved'
    ),
    paired as (select * from turn where secs is not null),
    w as (
      select wk, count(*)::int as approvals,
        percentile_cont(0.5) within group (order by secs) as p50,
        percentile_cont(0.9) within group (order by secs) as p90
      from paired group by wk
    ),
    reviewed as (
      select post_id, count(*) filter (where action = 'changes_requested')::int as rounds
      from ev group by post_id having bool_or(action = 'submitted')
    ),
    r as (select least(rounds, ${ROUNDS_CAP}) as rounds, count(*)::int as posts from reviewed group by 1)
    select json_build_object(
      'approvals', (select count(*)::int from paired),
      'turnaroundP50Seconds', (select percentile_cont(0.5) within group (order by secs) from paired),
      'turnaroundP90Seconds', (select percentile_cont(0.9) within group (order by secs) from paired),
      'postsReviewed', (select count(*)::int from reviewed),
      'meanRounds', (select avg(rounds)::float8 from reviewed),
      'weeks', coalesce((select json_agg(json_build_object(
          'week', to_char(wk, 'IYYY-"W"IW'), 'weekStart', to_char(wk, 'YYYY-MM-DD'),
          'approvals', approvals, 'turnaroundP50Seconds', p50, 'turnaroundP90Seconds', p90) order by wk) from w), '[]'::json),
      'rounds', coalesce((select json_agg(json_build_object('rounds', rounds, 'posts', posts) order by rounds) from r), '[]'::json)
    ) as report`;
}

export async function workflowReport(
  db: Executor,
  actor: Actor,
  query: ReportQuery,
): Promise<WorkflowReport> {
  const s = scopeOf(actor, query);
  const rows = await runJsonReport<Omit<WorkflowReport, 'timezone' | 'from' | 'to'>>(db, workflowQuery(s));
  return { timezone: s.timezone, from: s.from.toISOString(), to: s.to.toISOString(), ...rows };
}

const num = (v: number | null) => (v === null ? '' : String(Math.round(v * 1000) / 1000));

export function workflowCsv(report: WorkflowReport): string {
  return stringify(
    report.weeks.map((w) => [
      w.week,
      w.weekStart,
      w.approvals,
      num(w.turnaroundP50Seconds),
      num(w.turnaroundP90Seconds),
    ]),
    {
      header: true,
      columns: ['week', 'week_start', 'approvals', 'turnaround_p50_seconds', 'turnaround_p90_seconds'],
    },
  );
}
