// The one statement behind the "Plan kept" report: the workspace's targets with an instant in
// [from, to) (a range scan of the (workspace_id, scheduled_at) index), rolled up per local ISO
// week and per failure reason inside PostgreSQL; only the small table comes back.
import type { Executor } from '@cadence/db';
import { type SQL, sql } from 'drizzle-orm';
import { type ReportScope, targetFilters } from './report-scope';
import { type FailureReason, ON_TIME_SECONDS, type PlanKeptWeek } from './plan-kept-schemas';

export type PlanKeptInput = ReportScope;

export interface PlanKeptRows {
  weeks: PlanKeptWeek[];
  failuresByReason: { reason: FailureReason; count: number }[];
}

// Reason codes from the publisher's error texts (packages/domain/src/publishing/failure.ts and the
// adapters). Order matters: the first pattern that matches wins.
const reasonCase = sql`case
    when t.last_error ilike '%HTTP 429%' or t.last_error ilike '%slow down%' then 'rate_limited'
    when t.last_error ilike '%credential%' or t.last_error ilike '%reconnect%' or t.last_error ilike '%HTTP 401%' then 'credentials'
    when t.last_error ilike '%confirmed it did not go out%' then 'confirmed_not_sent'
    when t.last_error ilike '%refused the post%' or t.last_error ilike '%too long%' or t.last_error ilike '%HTTP 4%' then 'refused'
    when t.last_error ilike '%timed out%' or t.last_error ilike '%HTTP 5%' or t.last_error ilike '%network had an error%' then 'network_error'
    else 'other' end`;

export function planKeptQuery(input: PlanKeptInput): SQL {
  return sql`with t as (
      select pt.status, pt.last_error, pt.scheduled_at,
        date_trunc('week', pt.scheduled_at at time zone ${input.timezone}) as wk,
        -- Seconds late, for published targets only: published_at, or the start of the attempt that
        -- published it when the ledger has no published_at (a person's confirmation).
        case when pt.status = 'published' then extract(epoch from (
          coalesce(pt.published_at,
            (select min(a.started_at) from target_attempts a where a.target_id = pt.id and a.outcome = 'published'))
          - pt.scheduled_at))::float8 end as delay
      from post_targets pt
      where pt.workspace_id = ${input.workspaceId}
        and pt.scheduled_at >= ${input.from.toISOString()}::timestamptz
        and pt.scheduled_at < ${input.to.toISOString()}::timestamptz
        ${targetFilters(input)}
    ),
    w as (
      select wk,
        count(*)::int as planned,
        count(*) filter (where status = 'published')::int as published,
        count(*) filter (where status = 'failed')::int as failed,
        count(*) filter (where status = 'missed')::int as missed,
        count(*) filter (where status = 'cancelled')::int as cancelled,
        count(*) filter (where abs(delay) <= ${ON_TIME_SECONDS})::int as on_time,
        count(*) filter (where scheduled_at <= now())::int as due,
        percentile_cont(0.5) within group (order by delay) as p50,
        percentile_cont(0.9) within group (order by delay) as p90
      from t group by wk
    ),
    r as (
      select ${reasonCase} as reason, count(*)::int as count from t where t.status = 'failed' group by 1
    )
    select json_build_object(
      'weeks', coalesce((select json_agg(json_build_object(
          'week', to_char(wk, 'IYYY-"W"IW'),
          'weekStart', to_char(wk, 'YYYY-MM-DD'),
          'planned', planned, 'published', published, 'failed', failed, 'missed', missed,
          'cancelled', cancelled, 'onTime', on_time,
          'onTimeRate', case when due > 0 then on_time::float8 / due end,
          'delayP50Seconds', p50, 'delayP90Seconds', p90) order by wk) from w), '[]'::json),
      'failuresByReason', coalesce((select json_agg(json_build_object('reason', reason, 'count', count)
          order by count desc, reason) from r), '[]'::json)
    ) as report`;
}

export async function queryPlanKept(db: Executor, input: PlanKeptInput): Promise<PlanKeptRows> {
  const result = (await db.execute(planKeptQuery(input))) as unknown as {
    rows: { report: PlanKeptRows | string }[];
  };
  const report = result.rows[0]?.report;
  // node-postgres parses json; PGlite may too, but a string is handled the same way.
  return typeof report === 'string' ? (JSON.parse(report) as PlanKeptRows) : (report as PlanKeptRows);
}
