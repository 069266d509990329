// The "Charter" report from what is recorded (decision 0191): the verdicts each post keeps from
// its last check (posts.violations), one per post and rule, by the post's week; and the targets
// the send-time check held. One statement.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
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

/** Statuses in which a post went ahead: its warnings were seen and passed over. */
const WENT_AHEAD = `('approved','scheduled','publishing','published','partially_published')`;

export function charterQuery(s: ReportScope) {
  return sql`with p as (
      select p.id, p.status::text as status, p.violations,
        date_trunc('week', coalesce(p.scheduled_at, p.updated_at) at time zone ${s.timezone}) as wk
      from posts p
      where p.workspace_id = ${s.workspaceId}
        and coalesce(p.scheduled_at, p.updated_at) >= ${iso(s.from)}
        and coalesce(p.scheduled_at, p.updated_at) < ${iso(s.to)}
        ${postFilters(s)}
    ),
    -- One verdict per post, rule and severity: a rule that flags three places counts once.
    pv as (
      select distinct p.id, p.status, p.wk, x->>'rule' as rule, x->>'severity' as sev
      from p, jsonb_array_elements(case when jsonb_typeof(p.violations) = 'array' then p.violations else '[]'::jsonb end) x
    ),
    byweek as (
      select wk, rule,
        count(*) filter (where sev = 'block')::int as blocked,
        count(*) filter (where sev = 'warn')::int as warned,
        count(*) filter (where sev = 'warn' and status in ${sql.raw(WENT_AHEAD)})::int as overridden
      from pv group by wk, rule
    ),
    byrule as (
      select rule, sum(blocked)::int as blocked, sum(warned)::int as warned, sum(overridden)::int as overridden
      from byweek group by rule
    )
    select json_build_object(
      'postsChecked', (select count(*)::int from p),
      'heldAtSend', (select count(*)::int from post_targets pt
        where pt.workspace_id = ${s.workspaceId} and pt.status = 'held'
          and pt.scheduled_at >= ${iso(s.from)} and pt.scheduled_at < ${iso(s.to)}
          and pt.last_error like 'The charter %' ${targetFilters(s)}),
      'rules', coalesce((select json_agg(json_build_object('rule', rule, 'blocked', blocked, 'warned', warned,
          'overridden', overridden) order by blocked + warned desc, rule) from byrule), '[]'::json),
      'weeks', coalesce((select json_agg(json_build_object('week', to_char(wk, 'IYYY-"W"IW'),
          'weekStart', to_char(wk, 'YYYY-MM-DD'), 'rule', rule, 'blocked', blocked, 'warned', warned,
          'overridden', overridden) order by wk, rule) from byweek), '[]'::json)
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
