// The "Plan kept" report: checks the period, runs the one aggregation, and renders JSON or CSV.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../accounts/actor';
import { queryPlanKept } from './plan-kept-query';
import type { PlanKeptQuery, PlanKeptReport } from './plan-kept-schemas';
import { scopeOf } from './report-scope';
import { DELAY_BUCKET_BOUNDS } from './rollups/delay-buckets';

export async function planKeptReport(
  db: Executor,
  actor: Actor,
  query: PlanKeptQuery,
): Promise<PlanKeptReport> {
  const scope = scopeOf(actor, query);
  const rows = await queryPlanKept(db, scope);
  return {
    timezone: scope.timezone,
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    delayBucketBoundsSeconds: [...DELAY_BUCKET_BOUNDS],
    ...rows,
  };
}

export const PLAN_KEPT_CSV_COLUMNS = [
  'week',
  'week_start',
  'planned',
  'published',
  'failed',
  'missed',
  'cancelled',
  'on_time',
  'on_time_rate',
  'delay_p50_seconds',
  'delay_p90_seconds',
] as const;

/** The weekly table as CSV (machine column names; every cell is a number or an ISO label). */
export function planKeptCsv(report: PlanKeptReport): string {
  const blank = (v: number | null) => (v === null ? '' : String(Math.round(v * 1000) / 1000));
  return stringify(
    report.weeks.map((w) => [
      w.week,
      w.weekStart,
      w.planned,
      w.published,
      w.failed,
      w.missed,
      w.cancelled,
      w.onTime,
      blank(w.onTimeRate),
      blank(w.delayP50Seconds),
      blank(w.delayP90Seconds),
    ]),
    { header: true, columns: [...PLAN_KEPT_CSV_COLUMNS] },
  );
}
