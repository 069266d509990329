// The "Community" report from the inbox's roll-up (decisions 0256, 0316): the period's whole local
// days from report_inbox_days (one row per channel, day and key, a year is at most a few dozen
// thousand rows whatever the number of items), the partial days at the ends of a period given as
// instants from the items, through the same key function. Response times are steps of the working
// minutes stored on each item when it was answered. "Past target" is the inbox's own test
// (pastTargetSql's conditions with lateBefore's cutoff): the items waiting for a first response
// come from the roll-up, less the few not past the cutoff yet and those snoozed now, both read
// through indexes on recent and on snoozed open items, so no count walks a year of items.
import type { Executor } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { lateBefore, loadResponseTarget, type PastTargetCutoff } from '../inbox/response-times';
import type { CommunityReport } from './community-schemas';
import { iso, type ReportQuery, type ReportScope, runJsonReport, scopeOf } from './report-scope';
import { bucketPercentile } from './rollups/delay-buckets';
import { splitPeriod } from './rollups/period-split';
import { TURNAROUND_BUCKET_BOUNDS, turnaroundBucketSeconds } from './rollups/turnaround-buckets';

/** The statuses an item waits in (every one but done), listed so the status indexes are used. */
const NOT_DONE = sql.raw(`('open', 'waiting')`);

function itemFilters(s: ReportScope): SQL {
  return sql`i.workspace_id = ${s.workspaceId}
    ${s.channelId ? sql`and i.channel_id = ${s.channelId}` : sql``}
    ${s.network ? sql`and i.network = ${s.network}` : sql``}`;
}

/** Rows (day, kind, bucket, n): the roll-up's whole days, the items of the partial days. */
function keyRows(s: ReportScope, targetMinutes: number | null): SQL {
  const split = splitPeriod(s.from, s.to, s.timezone);
  const days = split.days
    ? sql`select r.day, r.kind, r.bucket, r.n from report_inbox_days r
        where r.workspace_id = ${s.workspaceId} and r.day >= ${split.days.first}::date and r.day < ${split.days.end}::date
          ${s.channelId ? sql`and r.channel_id = ${s.channelId}` : sql``}
          ${s.network ? sql`and r.network = ${s.network}` : sql``}`
    : sql`select null::date, null::text, null::smallint, 0 where false`;
  const ranges = split.edges.map(
    (e) => sql`(i.created_at >= ${iso(e.from)} and i.created_at < ${iso(e.to)})`,
  );
  const edges =
    ranges.length > 0
      ? sql`union all select (i.created_at at time zone ${s.timezone})::date, k.kind, k.bucket, 1
          from inbox_items i,
            lateral report_inbox_keys(i.status::text, i.first_response_at, i.first_response_working_minutes,
              ${targetMinutes}::int) k
          where ${itemFilters(s)} and (${sql.join(ranges, sql` or `)})`
      : sql``;
  return sql`${days} ${edges}`;
}

/** Items of the period waiting for a first response that are not past target (late is set). */
function notPastTarget(s: ReportScope, late: PastTargetCutoff): SQL {
  const period = sql`i.created_at >= ${iso(s.from)} and i.created_at < ${iso(s.to)}`;
  const waiting = sql`i.status in ${NOT_DONE} and i.first_response_at is null and ${itemFilters(s)} and ${period}`;
  // Arrived after the cutoff: the last target's worth of working time, read by arrival.
  const recent = sql`select count(*)::int from inbox_items i where ${waiting} and i.created_at > ${iso(late.cutoff)}`;
  // Snoozed now, arrived before the cutoff: read by snooze (inbox_items_waiting_counts_idx).
  const snoozed = sql`select count(*)::int from inbox_items i
    where ${waiting} and i.created_at <= ${iso(late.cutoff)} and i.snoozed_until > ${iso(late.now)}`;
  return sql`(${recent}) + (${snoozed})`;
}

export function communityQuery(
  s: ReportScope,
  targetMinutes: number | null,
  late: PastTargetCutoff | null,
  now: Date,
) {
  const tz = s.timezone;
  // Summed across channels per day and key first: the later sums read a few thousand rows.
  return sql`with r as (select day, kind, bucket, sum(n)::int as n from (${keyRows(s, targetMinutes)}) k
      group by 1, 2, 3),
    tot as (select kind, sum(n)::int as n from r group by kind),
    d as (
      select day, sum(n) filter (where kind = 'received')::int as received,
        coalesce(sum(n) filter (where kind = 'responded'), 0)::int as answered,
        coalesce(sum(n) filter (where kind = 'done'), 0)::int as done
      from r where kind in ('received', 'responded', 'done') group by 1
    ),
    cal as (
      select g::date as day from generate_series(
        (${iso(s.from)} at time zone ${tz})::date::timestamp,
        ((${iso(s.to)} - interval '1 microsecond') at time zone ${tz})::date::timestamp,
        interval '1 day') g
    )
    select json_build_object(
      'syncState', exists (select 1 from inbox_sync_states ss
        join channels c on c.id = ss.channel_id
        where ss.workspace_id = ${s.workspaceId}
          ${s.channelId ? sql`and c.id = ${s.channelId}` : sql``}
          ${s.network ? sql`and c.network = ${s.network}` : sql``}),
      'totals', coalesce((select json_object_agg(kind, n) from tot), '{}'::json),
      'replied', coalesce((select json_agg(json_build_object('bucket', bucket, 'n', n))
        from (select bucket, sum(n)::int as n from r where kind = 'replied' group by 1) h), '[]'::json),
      'notPastTarget', ${late ? notPastTarget(s, late) : sql`0`},
      'snoozedNow', (select count(*)::int from inbox_items i
        where i.status in ${NOT_DONE} and i.snoozed_until > ${iso(now)} and ${itemFilters(s)}
          and i.created_at >= ${iso(s.from)} and i.created_at < ${iso(s.to)}),
      'days', coalesce((select json_agg(json_build_object(
          'day', to_char(cal.day, 'YYYY-MM-DD'), 'received', coalesce(d.received, 0),
          'answered', coalesce(d.answered, 0), 'done', coalesce(d.done, 0)) order by cal.day)
        from cal left join d on d.day = cal.day), '[]'::json)
    ) as report`;
}

interface Counts {
  syncState: boolean;
  /** Sums per key of report_inbox_keys: received, responded, done, answered, replied, within, waiting. */
  totals: Partial<Record<string, number>>;
  replied: { bucket: number; n: number }[];
  notPastTarget: number;
  snoozedNow: number;
  days: CommunityReport['days'];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The step (upper bound, in working minutes) holding the percentile q of the replied items. */
function stepMinutes(replied: Counts['replied'], q: number): number | null {
  const counts = new Array<number>(TURNAROUND_BUCKET_BOUNDS.length + 1).fill(0);
  for (const { bucket, n } of replied) {
    const at = Math.min(bucket, counts.length - 1);
    counts[at] = (counts[at] ?? 0) + n;
  }
  const seconds = turnaroundBucketSeconds(bucketPercentile(counts, q));
  return seconds === null ? null : seconds / 60;
}

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
  const count = (kind: string) => c.totals[kind] ?? 0;
  if (count('received') === 0 && !c.syncState) {
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
    received: count('received'),
    answeredShare: ratio(count('answered'), count('received')),
    firstResponseP50Minutes: stepMinutes(c.replied, 0.5),
    firstResponseP90Minutes: stepMinutes(c.replied, 0.9),
    withinTargetShare: targetMinutes === null ? null : ratio(count('within'), count('replied')),
    openPastTarget: late ? count('waiting') - c.notPastTarget : 0,
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
