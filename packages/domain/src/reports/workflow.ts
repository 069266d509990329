// The "Workflow" report from the roll-up of review events (decision 0302): approvals per week by
// turnaround bucket (from the last submission before each approval), and each reviewed post's
// rounds of changes on the day of its first submission. The period's whole local days come from
// report_post_days; a period given as instants reads its partial days from the events themselves,
// counted the same way.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { iso, postFilters, type ReportQuery, type ReportScope, runJsonReport, scopeOf } from './report-scope';
import { bucketPercentile } from './rollups/delay-buckets';
import { splitPeriod } from './rollups/period-split';
import { postRollupRows } from './rollups/post-rollup-rows';
import { turnaroundBucketSeconds } from './rollups/turnaround-buckets';
import { ROUNDS_CAP, type WorkflowReport } from './workflow-schemas';

/** The events of [from, to) counted as the roll-up's trigger counts them, with the report's filters. */
function eventRows(s: ReportScope, from: Date, to: Date): SQL {
  const tz = s.timezone;
  const filtered = sql`and exists (select 1 from posts p where p.id = e.post_id ${postFilters(s)})`;
  return sql`select (e.created_at at time zone ${tz})::date as day, 'approval' as kind, '' as rule,
      report_turnaround_bucket(extract(epoch from e.created_at - sub.at)::float8) as bucket, 1 as n
    from post_events e cross join lateral (select x.created_at as at from post_events x
      where x.post_id = e.post_id and x.seq < e.seq and x.action = 'submitted' order by x.seq desc limit 1) sub
    where e.workspace_id = ${s.workspaceId} and e.created_at >= ${iso(from)} and e.created_at < ${iso(to)}
      and e.action = 'approved' and e.to_status = 'approved' ${filtered}
    union all
    select (e.created_at at time zone ${tz})::date, 'review', '',
      (select count(*) from post_events x where x.post_id = e.post_id and x.action = 'changes_requested')::smallint, 1
    from post_events e
    where e.workspace_id = ${s.workspaceId} and e.created_at >= ${iso(from)} and e.created_at < ${iso(to)}
      and e.action = 'submitted' ${filtered}
      and not exists (select 1 from post_events x where x.post_id = e.post_id and x.seq < e.seq and x.action = 'submitted')`;
}

function workflowQuery(s: ReportScope) {
  const split = splitPeriod(s.from, s.to, s.timezone);
  const parts = [
    ...(split.days ? [postRollupRows(s, ['approval', 'review'], split.days)] : []),
    ...split.edges.map((edge) => eventRows(s, edge.from, edge.to)),
  ];
  return sql`with rows as (${sql.join(parts, sql` union all `)}),
    w as (
      select date_trunc('week', day::timestamp) as wk, bucket, sum(n)::int as n
      from rows where kind = 'approval' group by 1, 2 having sum(n) <> 0
    ),
    r as (select bucket, sum(n)::int as n from rows where kind = 'review' group by 1 having sum(n) <> 0)
    select json_build_object(
      'weeks', coalesce((select json_agg(json_build_object('week', to_char(wk, 'IYYY-"W"IW'),
          'weekStart', to_char(wk, 'YYYY-MM-DD'), 'bucket', bucket, 'n', n) order by wk, bucket) from w), '[]'::json),
      'rounds', coalesce((select json_agg(json_build_object('rounds', bucket, 'posts', n) order by bucket) from r), '[]'::json)
    ) as report`;
}

interface Rows {
  weeks: { week: string; weekStart: string; bucket: number; n: number }[];
  rounds: { rounds: number; posts: number }[];
}

/** Counts per turnaround bucket, as a histogram array. */
function histogram(rows: { bucket: number; n: number }[]): number[] {
  const counts: number[] = [];
  for (const row of rows) counts[row.bucket] = (counts[row.bucket] ?? 0) + row.n;
  return Array.from(counts, (c) => c ?? 0);
}

const turnaround = (counts: number[], q: number) => turnaroundBucketSeconds(bucketPercentile(counts, q));

export async function workflowReport(
  db: Executor,
  actor: Actor,
  query: ReportQuery,
): Promise<WorkflowReport> {
  const s = scopeOf(actor, query);
  const rows = await runJsonReport<Rows>(db, workflowQuery(s));
  const all = histogram(rows.weeks);
  const byWeek = new Map<string, Rows['weeks']>();
  for (const row of rows.weeks) byWeek.set(row.week, [...(byWeek.get(row.week) ?? []), row]);
  const weeks = [...byWeek.values()].map((items) => {
    const counts = histogram(items);
    return {
      week: items[0]?.week ?? '',
      weekStart: items[0]?.weekStart ?? '',
      approvals: counts.reduce((a, b) => a + b, 0),
      turnaroundP50Seconds: turnaround(counts, 0.5),
      turnaroundP90Seconds: turnaround(counts, 0.9),
    };
  });
  const reviewed = rows.rounds.reduce((a, r) => a + r.posts, 0);
  const capped = new Map<number, number>();
  for (const r of rows.rounds) {
    const key = Math.min(r.rounds, ROUNDS_CAP);
    capped.set(key, (capped.get(key) ?? 0) + r.posts);
  }
  return {
    timezone: s.timezone,
    from: s.from.toISOString(),
    to: s.to.toISOString(),
    approvals: all.reduce((a, b) => a + b, 0),
    turnaroundP50Seconds: turnaround(all, 0.5),
    turnaroundP90Seconds: turnaround(all, 0.9),
    postsReviewed: reviewed,
    meanRounds: reviewed === 0 ? null : rows.rounds.reduce((a, r) => a + r.rounds * r.posts, 0) / reviewed,
    weeks,
    rounds: [...capped].map(([rounds, posts]) => ({ rounds, posts })),
  };
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
