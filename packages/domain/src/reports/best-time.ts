// "Best time to post": each measured published target (one with figures) placed at the weekday
// and hour of its publication in the workspace's timezone; engagement per post per cell. Cells
// with fewer than BEST_TIME_MIN_POSTS posts are shown with their count but never suggested.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import {
  BEST_TIME_MIN_POSTS,
  BEST_TIME_SUGGESTIONS,
  type BestTimeCell,
  type BestTimeReport,
} from './best-time-schemas';
import {
  iso,
  type ReportQuery,
  type ReportScope,
  runJsonReport,
  scopeOf,
  targetFilters,
} from './report-scope';

export function bestTimeQuery(s: ReportScope) {
  return sql`with t as (
      select pt.id, coalesce(pt.published_at, pt.scheduled_at) at time zone ${s.timezone} as local
      from post_targets pt
      where pt.workspace_id = ${s.workspaceId} and pt.status = 'published'
        and pt.scheduled_at >= ${iso(s.from)} and pt.scheduled_at < ${iso(s.to)} ${targetFilters(s)}
    ),
    te as (select t.local, sum(tm.value)::float8 as eng from t join target_metrics tm on tm.target_id = t.id
      group by t.id, t.local),
    c as (select extract(isodow from local)::int as weekday, extract(hour from local)::int as hour,
        count(*)::int as posts, avg(eng)::float8 as epp
      from te group by 1, 2)
    select coalesce(json_agg(json_build_object('weekday', weekday, 'hour', hour, 'posts', posts,
      'engagementPerPost', epp) order by weekday, hour), '[]'::json) as report from c`;
}

/** The best cells with enough posts behind them; ties go to the larger sample, then the earlier slot. */
export function suggestSlots(cells: readonly BestTimeCell[]): BestTimeCell[] {
  return cells
    .filter((c) => c.posts >= BEST_TIME_MIN_POSTS)
    .sort(
      (a, b) =>
        b.engagementPerPost - a.engagementPerPost ||
        b.posts - a.posts ||
        a.weekday - b.weekday ||
        a.hour - b.hour,
    )
    .slice(0, BEST_TIME_SUGGESTIONS);
}

export async function bestTimeReport(
  db: Executor,
  actor: Actor,
  query: ReportQuery,
): Promise<BestTimeReport> {
  const s = scopeOf(actor, query);
  const cells = await runJsonReport<BestTimeCell[]>(db, bestTimeQuery(s));
  return {
    timezone: s.timezone,
    from: s.from.toISOString(),
    to: s.to.toISOString(),
    minPosts: BEST_TIME_MIN_POSTS,
    cells,
    suggestions: suggestSlots(cells),
  };
}

export function bestTimeCsv(report: BestTimeReport): string {
  return stringify(
    report.cells.map((c) => [c.weekday, c.hour, c.posts, Math.round(c.engagementPerPost * 1000) / 1000]),
    { header: true, columns: ['iso_weekday', 'hour', 'posts', 'engagement_per_post'] },
  );
}
