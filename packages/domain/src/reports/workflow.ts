// The "Workflow" report from the posts' history: turnaround pairs each approval that made a post
// "approved" with the last submission before it; rounds count the changes requested on each post
// submitted in the period. One statement; the events are read through the (workspace, time) index
// from 60 days before the period, so a submission shortly before it still pairs.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { iso, postFilters, type ReportQuery, type ReportScope, runJsonReport, scopeOf } from './report-scope';
import { ROUNDS_CAP, type WorkflowReport } from './workflow-schemas';

const LOOK_BACK_MS = 60 * 86_400_000;

export function workflowQuery(s: ReportScope) {
  const tz = s.timezone;
  return sql`with ev as (
      select e.post_id, e.action, e.to_status, e.created_at, e.seq
      from post_events e join posts p on p.id = e.post_id
      where e.workspace_id = ${s.workspaceId}
        and e.created_at >= ${iso(new Date(s.from.getTime() - LOOK_BACK_MS))} and e.created_at < ${iso(s.to)}
        and e.action in ('submitted', 'approved', 'changes_requested')
        ${postFilters(s)}
    ),
    turn as (
      select a.created_at as approved_at,
        date_trunc('week', a.created_at at time zone ${tz}) as wk,
        extract(epoch from a.created_at - (select max(x.created_at) from ev x
          where x.post_id = a.post_id and x.action = 'submitted' and x.seq < a.seq))::float8 as secs
      from ev a
      where a.action = 'approved' and a.to_status = 'approved'
        and a.created_at >= ${iso(s.from)} and a.created_at < ${iso(s.to)}
    ),
    paired as (select * from turn where secs is not null),
    w as (
      select wk, count(*)::int as approvals,
        percentile_cont(0.5) within group (order by secs) as p50,
        percentile_cont(0.9) within group (order by secs) as p90
      from paired group by wk
    ),
    reviewed as (
      select s.post_id, (select count(*) from ev c where c.post_id = s.post_id and c.action = 'changes_requested'
          and c.created_at >= ${iso(s.from)} and c.created_at < ${iso(s.to)})::int as rounds
      from (select distinct post_id from ev where action = 'submitted'
        and created_at >= ${iso(s.from)} and created_at < ${iso(s.to)}) s
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
