// The "Community" report from what the inbox records (decision 0256): the period's items only,
// through the (workspace, created_at) or (channel, created_at) index. Response times are the
// working minutes stored on each item when it was answered; "past target" is the inbox's own test
// (pastTargetSql with lateBefore's cutoff), so the report and the inbox badge never disagree.
import { type Executor, inboxItems } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { pastTargetSql } from '../inbox/list-inbox';
import { lateBefore, loadResponseTarget, type PastTargetCutoff } from '../inbox/response-times';
import type { CommunityReport } from './community-schemas';
import { iso, type ReportQuery, type ReportScope, runJsonReport, scopeOf } from './report-scope';

export function communityQuery(
  s: ReportScope,
  targetMinutes: number | null,
  late: PastTargetCutoff | null,
  now: Date,
) {
  const tz = s.timezone;
  const channel = s.channelId ? sql`and channel_id = ${s.channelId}` : sql``;
  const network = s.network ? sql`and network = ${s.network}` : sql``;
  const target = targetMinutes ?? null;
  return sql`with it as (
      select created_at, status, first_response_at, snoozed_until,
        first_response_working_minutes as frm, (${pastTargetSql(late)}) as late
      from ${inboxItems}
      where workspace_id = ${s.workspaceId}
        and created_at >= ${iso(s.from)} and created_at < ${iso(s.to)} ${channel} ${network}
    ),
    d as (
      select (created_at at time zone ${tz})::date as day, count(*)::int as received,
        count(*) filter (where first_response_at is not null)::int as answered,
        count(*) filter (where status = 'done')::int as done
      from it group by 1
    ),
    cal as (
      select g::date as day from generate_series(
        (${iso(s.from)} at time zone ${tz})::date::timestamp,
        ((${iso(s.to)} - interval '1 microsecond') at time zone ${tz})::date::timestamp,
        interval '1 day') g
    )
    select json_build_object(
      'synced', exists (select 1 from it) or exists (select 1 from inbox_sync_states ss
        join channels c on c.id = ss.channel_id
        where ss.workspace_id = ${s.workspaceId}
          ${s.channelId ? sql`and c.id = ${s.channelId}` : sql``}
          ${s.network ? sql`and c.network = ${s.network}` : sql``}),
      'received', (select count(*)::int from it),
      'answered', (select count(*)::int from it where first_response_at is not null or status = 'done'),
      'firstResponseP50Minutes', (select percentile_cont(0.5) within group (order by frm) from it where frm is not null),
      'firstResponseP90Minutes', (select percentile_cont(0.9) within group (order by frm) from it where frm is not null),
      'replied', (select count(*)::int from it where frm is not null),
      'withinTarget', (select count(*)::int from it where frm is not null and frm <= ${target}::int),
      'openPastTarget', (select count(*)::int from it where late),
      'snoozedNow', (select count(*)::int from it where status <> 'done' and snoozed_until > ${iso(now)}),
      'days', coalesce((select json_agg(json_build_object(
          'day', to_char(cal.day, 'YYYY-MM-DD'), 'received', coalesce(d.received, 0),
          'answered', coalesce(d.answered, 0), 'done', coalesce(d.done, 0)) order by cal.day)
        from cal left join d on d.day = cal.day), '[]'::json)
    ) as report`;
}

interface Counts {
  synced: boolean;
  received: number;
  answered: number;
  replied: number;
  withinTarget: number;
  firstResponseP50Minutes: number | null;
  firstResponseP90Minutes: number | null;
  openPastTarget: number;
  snoozedNow: number;
  days: CommunityReport['days'];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function communityReport(
  db: Executor,
  actor: Actor,
  query: ReportQuery,
  now: Date,
): Promise<CommunityReport> {
  const s = scopeOf(actor, query);
  const target = await loadResponseTarget(db, actor.workspaceId);
  const targetMinutes = target?.targetMinutes ?? null;
  const late = await lateBefore(db, actor.workspaceId, now);
  const c = await runJsonReport<Counts>(db, communityQuery(s, targetMinutes, late, now));
  const period = { timezone: s.timezone, from: s.from.toISOString(), to: s.to.toISOString(), targetMinutes };
  if (!c.synced) {
    return {
      ...period,
      synced: false,
      received: null,
      answeredShare: null,
      firstResponseP50Minutes: null,
      firstResponseP90Minutes: null,
      withinTargetShare: null,
      openPastTarget: null,
      snoozedNow: null,
      days: [],
    };
  }
  return {
    ...period,
    synced: true,
    received: c.received,
    answeredShare: ratio(c.answered, c.received),
    firstResponseP50Minutes: c.firstResponseP50Minutes,
    firstResponseP90Minutes: c.firstResponseP90Minutes,
    withinTargetShare: targetMinutes === null ? null : ratio(c.withinTarget, c.replied),
    openPastTarget: c.openPastTarget,
    snoozedNow: c.snoozedNow,
    days: c.days,
  };
}

export function communityCsv(report: CommunityReport): string {
  return stringify(
    report.days.map((d) => [d.day, d.received, d.answered, d.done]),
    { header: true, columns: ['day', 'received', 'answered', 'done'] },
  );
}
