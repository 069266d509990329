// The "Charter" report from what is recorded (decision 0191): the verdicts each post keeps from
// its last check (posts.violations), one per post and rule, by the week of the post's planned
// instant; and the targets the send-time check held. The verdicts come from the roll-up
// (report_post_days, decision 0302) over the period's whole local days, and from the posts
// themselves for the partial days of a period given as instants; the held targets through their
// partial index.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { CharterReport } from './charter-schemas';
import {
  iso,
  postFilters,
  type ReportQuery,
  type ReportScope,
  runJsonReport,
  scopeOf,
  targetFilters,
} from './report-scope';
import { splitPeriod } from './rollups/period-split';
import { postRollupRows } from './rollups/post-rollup-rows';

/** The posts filed under [from, to), counted as the roll-up's trigger counts them. */
function postRows(s: ReportScope, from: Date, to: Date): SQL {
  return sql`select r.day, r.kind, r.rule, r.bucket, 1 as n
    from posts p, report_charter_rows(p.id) r
    where p.workspace_id = ${s.workspaceId} and r.slice = ''
      and coalesce(p.scheduled_at, p.updated_at) >= ${iso(from)} and coalesce(p.scheduled_at, p.updated_at) < ${iso(to)}
      ${postFilters(s)}`;
}

function charterQuery(s: ReportScope) {
  const split = splitPeriod(s.from, s.to, s.timezone);
  const parts = [
    ...(split.days ? [postRollupRows(s, ['checked', 'verdict'], split.days)] : []),
    ...split.edges.map((edge) => postRows(s, edge.from, edge.to)),
  ];
  // Bucket 0: blocked; 1: warned; 2: warned and went ahead anyway (approved, scheduled, published).
  return sql`with rows as (${sql.join(parts, sql` union all `)}),
    byweek as (
      select date_trunc('week', day::timestamp) as wk, rule,
        coalesce(sum(n) filter (where bucket = 0), 0)::int as blocked,
        coalesce(sum(n) filter (where bucket in (1, 2)), 0)::int as warned,
        coalesce(sum(n) filter (where bucket = 2), 0)::int as overridden
      from rows where kind = 'verdict' group by 1, 2
    ),
    byrule as (
      select rule, sum(blocked)::int as blocked, sum(warned)::int as warned, sum(overridden)::int as overridden
      from byweek group by rule having sum(blocked) + sum(warned) > 0
    )
    select json_build_object(
      'postsChecked', (select coalesce(sum(n), 0)::int from rows where kind = 'checked'),
      'heldAtSend', (select count(*)::int from post_targets pt
        where pt.workspace_id = ${s.workspaceId} and pt.status = 'held'
          and pt.scheduled_at >= ${iso(s.from)} and pt.scheduled_at < ${iso(s.to)}
          and pt.last_error like 'The charter %' ${targetFilters(s)}),
      'rules', coalesce((select json_agg(json_build_object('rule', rule, 'blocked', blocked, 'warned', warned,
          'overridden', overridden) order by blocked + warned desc, rule) from byrule), '[]'::json),
      'weeks', coalesce((select json_agg(json_build_object('week', to_char(wk, 'IYYY-"W"IW'),
          'weekStart', to_char(wk, 'YYYY-MM-DD'), 'rule', rule, 'blocked', blocked, 'warned', warned,
          'overridden', overridden) order by wk, rule) from byweek where blocked + warned > 0), '[]'::json)
    ) as report`;
}

export async function charterReport(db: Executor, actor: Actor, query: ReportQuery): Promise<CharterReport> {
  const s = scopeOf(actor, query);
  const rows = await runJsonReport<Omit<CharterReport, 'timezone' | 'from' | 'to'>>(db, charterQuery(s));
  return { timezone: s.timezone, from: s.from.toISOString(), to: s.to.toISOString(), ...rows };
}

export function charterCsv(report: CharterReport): string {
  return stringify(
    report.weeks.map((w) => [w.week, w.weekStart, w.rule, w.blocked, w.warned, w.overridden]),
    { header: true, columns: ['week', 'week_start', 'rule', 'blocked', 'warned', 'overridden'] },
  );
}
