// The one statement behind the "Plan kept" report (decision 0255): the whole local days of the
// period from the roll-up (report_target_days, at most 366 rows per status for one slice), the
// partial days at its ends and today from the targets themselves, through the same key function
// the roll-up's triggers use; summed per local ISO week inside PostgreSQL. Delays come back as
// bucket counts: percentiles are known to a bucket's precision.
import type { Executor } from '@cadence/db';
import { type SQL, sql } from 'drizzle-orm';
import { type ReportScope, iso, runJsonReport, targetFilters } from './report-scope';
import type { FailureReason, PlanKeptWeek } from './plan-kept-schemas';
import { bucketPercentile, bucketSeconds, DELAY_BUCKETS, ON_TIME_BUCKET } from './rollups/delay-buckets';
import { splitPeriod } from './rollups/period-split';
import { rollupRows, rollupSlice } from './rollups/rollup-slice';

export type PlanKeptInput = ReportScope;

export interface PlanKeptRows {
  weeks: PlanKeptWeek[];
  failuresByReason: { reason: FailureReason; count: number }[];
}

type Derived = 'onTimeRate' | 'delayP50Seconds' | 'delayP90Seconds' | 'delayP50Bucket' | 'delayP90Bucket';

interface WeekRow extends Omit<PlanKeptWeek, Derived> {
  due: number;
  buckets: { bucket: number; count: number }[] | null;
}

/** Targets with an instant in [from, to), each as the roll-up would count it. */
function factRows(s: ReportScope, from: SQL, to: SQL): SQL {
  return sql`select (pt.scheduled_at at time zone ${s.timezone})::date as day, k.st as status, k.bucket, k.reason,
      pt.scheduled_at <= now() as due, 1 as n
    from post_targets pt,
      lateral report_target_key(pt.status::text, pt.scheduled_at, pt.published_at, pt.updated_at, pt.last_error) k
    where pt.workspace_id = ${s.workspaceId} and pt.scheduled_at >= ${from} and pt.scheduled_at < ${to}
      ${targetFilters(s)}`;
}

function periodRows(s: ReportScope): SQL {
  const slice = rollupSlice(s);
  if (!slice) return factRows(s, iso(s.from), iso(s.to));
  const split = splitPeriod(s.from, s.to, s.timezone);
  const parts = split.edges.map((e) => factRows(s, iso(e.from), iso(e.to)));
  if (split.days) {
    const { first, end } = split.days;
    const dayStart = (day: SQL) => sql`(${day}::timestamp at time zone ${s.timezone})`;
    const today = sql`date_trunc('day', now() at time zone ${s.timezone})`;
    parts.push(rollupRows(s, slice, split.days));
    parts.push(
      factRows(
        s,
        sql`greatest(${dayStart(today)}, ${dayStart(sql`${first}::date`)})`,
        sql`least(${dayStart(sql`(${today} + interval '1 day')`)}, ${dayStart(sql`${end}::date`)})`,
      ),
    );
  }
  return sql.join(parts, sql` union all `);
}

export function planKeptQuery(s: PlanKeptInput): SQL {
  return sql`with t as (${periodRows(s)}),
    w as (
      select date_trunc('week', day)::date as wk,
        sum(n)::int as planned,
        coalesce(sum(n) filter (where status = 'published'), 0)::int as published,
        coalesce(sum(n) filter (where status = 'failed'), 0)::int as failed,
        coalesce(sum(n) filter (where status = 'missed'), 0)::int as missed,
        coalesce(sum(n) filter (where status = 'cancelled'), 0)::int as cancelled,
        coalesce(sum(n) filter (where bucket = ${ON_TIME_BUCKET}), 0)::int as on_time,
        coalesce(sum(n) filter (where due), 0)::int as due
      from t group by 1 having sum(n) <> 0
    ),
    b as (select date_trunc('week', day)::date as wk, bucket, sum(n)::int as count
      from t where status = 'published' group by 1, 2 having sum(n) <> 0),
    r as (select reason, sum(n)::int as count from t where status = 'failed' group by 1 having sum(n) <> 0)
    select json_build_object(
      'weeks', coalesce((select json_agg(json_build_object(
          'week', to_char(wk, 'IYYY-"W"IW'), 'weekStart', to_char(wk, 'YYYY-MM-DD'),
          'planned', planned, 'published', published, 'failed', failed, 'missed', missed,
          'cancelled', cancelled, 'onTime', on_time, 'due', due,
          'buckets', (select json_agg(json_build_object('bucket', b.bucket, 'count', b.count)) from b where b.wk = w.wk)
        ) order by wk) from w), '[]'::json),
      'failuresByReason', coalesce((select json_agg(json_build_object('reason', reason, 'count', count)
          order by count desc, reason) from r), '[]'::json)
    ) as report`;
}

function weekOf(row: WeekRow): PlanKeptWeek {
  const counts = new Array<number>(DELAY_BUCKETS).fill(0);
  for (const b of row.buckets ?? []) counts[b.bucket] = b.count;
  const { due, buckets: _buckets, ...counted } = row;
  const p50 = bucketPercentile(counts, 0.5);
  const p90 = bucketPercentile(counts, 0.9);
  return {
    ...counted,
    onTimeRate: due > 0 ? row.onTime / due : null,
    delayP50Seconds: bucketSeconds(p50),
    delayP90Seconds: bucketSeconds(p90),
    delayP50Bucket: p50,
    delayP90Bucket: p90,
  };
}

export async function queryPlanKept(db: Executor, input: PlanKeptInput): Promise<PlanKeptRows> {
  const rows = await runJsonReport<{ weeks: WeekRow[]; failuresByReason: PlanKeptRows['failuresByReason'] }>(
    db,
    planKeptQuery(input),
  );
  return { weeks: rows.weeks.map(weekOf), failuresByReason: rows.failuresByReason };
}
