// "Best time to post": each measured target (one with figures) placed at the weekday and hour of
// its publication in the workspace's timezone (DST included: PostgreSQL converts each instant with
// the zone's rules when the figures are recorded); engagement per post per cell, from the
// engagement roll-up's cell group (decision 0305). Cells with fewer than BEST_TIME_MIN_POSTS posts
// are shown with their count but never suggested.
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
import { figureRows } from './engagement-query';
import { type ReportQuery, type ReportScope, runJsonReport, scopeOf } from './report-scope';

export function bestTimeQuery(s: ReportScope) {
  return sql`with c as (
      select split_part(val, ':', 1)::int as weekday, split_part(val, ':', 2)::int as hour,
        sum(measured)::int as posts,
        (sum(replies) + sum(reposts) + sum(likes) + sum(quotes))::float8 / sum(measured) as epp
      from (${figureRows(s, ['cell'])}) f group by 1, 2 having sum(measured) > 0)
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
