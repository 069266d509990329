// What the Results and Best time reports read (decision 0305): the engagement roll-ups for the
// whole local days of the period when the filters name one slice (none, or one filter), and the
// per-target snapshot (target_engagement, the roll-ups' own source) for the partial days at the
// period's ends or for two filters and more. Never target_metrics joined to a period of targets.
import { type SQL, sql } from 'drizzle-orm';
import { iso, type ReportScope, targetFilters } from './report-scope';
import { splitPeriod } from './rollups/period-split';
import { rollupSlice } from './rollups/rollup-slice';

type Group = 'network' | 'campaign' | 'cell';

/** The roll-up rows' columns, summed by the caller per (grp, val). */
const FIGURE_COLUMNS = sql.raw(
  'measured, replies, replies_n, reposts, reposts_n, likes, likes_n, quotes, quotes_n',
);

/** Measured targets of the snapshot `x` in [from, to) that pass the filters. */
function snapshotWhere(s: ReportScope, from: SQL, to: SQL): SQL {
  return sql`x.workspace_id = ${s.workspaceId} and x.scheduled_at >= ${from} and x.scheduled_at < ${to}
    ${s.channelId ? sql`and x.channel_id = ${s.channelId}` : sql``}
    ${s.network ? sql`and x.network = ${s.network}` : sql``}
    ${s.campaignId ? sql`and x.campaign_id = ${s.campaignId}` : sql``}
    ${s.pillarId ? sql`and x.pillar_id = ${s.pillarId}` : sql``}
    ${s.authorId ? sql`and x.author_user_id = ${s.authorId}` : sql``}`;
}

const groupList = (groups: readonly Group[]) =>
  sql.join(
    groups.map((g) => sql`${g}`),
    sql`, `,
  );

function snapshotFigures(s: ReportScope, groups: readonly Group[], from: SQL, to: SQL): SQL {
  return sql`select g.grp, g.val, 1 as measured,
      coalesce(x.replies, 0) as replies, (x.replies is not null)::int as replies_n,
      coalesce(x.reposts, 0) as reposts, (x.reposts is not null)::int as reposts_n,
      coalesce(x.likes, 0) as likes, (x.likes is not null)::int as likes_n,
      coalesce(x.quotes, 0) as quotes, (x.quotes is not null)::int as quotes_n
    from target_engagement x,
      lateral (values ('network', x.network), ('campaign', coalesce(x.campaign_id::text, '')),
        ('cell', x.weekday || ':' || x.hour)) as g(grp, val)
    where ${snapshotWhere(s, from, to)} and g.grp in (${groupList(groups)})`;
}

/** The period as the instants outside whole local days, and the whole days when a slice answers. */
function periodParts(s: ReportScope) {
  const slice = rollupSlice(s);
  if (!slice) return { slice, days: null, edges: [{ from: s.from, to: s.to }] };
  const split = splitPeriod(s.from, s.to, s.timezone);
  return { slice, days: split.days, edges: split.edges };
}

/**
 * Rows (grp, val, measured, <figure>, <figure>_n ...) whose sums per (grp, val) are the measured
 * targets' figures of the period: "not available" is a sum over no target (`_n` = 0).
 */
export function figureRows(s: ReportScope, groups: readonly Group[]): SQL {
  const { slice, days, edges } = periodParts(s);
  const parts = edges.map((e) => snapshotFigures(s, groups, iso(e.from), iso(e.to)));
  if (slice && days)
    parts.push(sql`select r.grp, r.grp_value as val, ${FIGURE_COLUMNS} from report_engagement_days r
      where r.workspace_id = ${s.workspaceId} and r.dim = ${slice.dim} and r.dim_value = ${slice.value}
        and r.day >= ${days.first}::date and r.day < ${days.end}::date and r.grp in (${groupList(groups)})`);
  return sql.join(parts, sql` union all `);
}

/** Published targets (measured or not) in [from, to) per network and campaign, from the targets. */
function targetCountFacts(s: ReportScope, from: SQL, to: SQL): SQL {
  return sql`select g.grp, g.val, 1 as n
    from post_targets pt join posts p on p.id = pt.post_id,
      lateral (values ('network', pt.network::text), ('campaign', coalesce(p.campaign_id::text, ''))) as g(grp, val)
    where pt.workspace_id = ${s.workspaceId} and pt.status = 'published'
      and pt.scheduled_at >= ${from} and pt.scheduled_at < ${to} ${targetFilters(s)}`;
}

/**
 * The slice of report_published_days that answers the filters, the network and campaign being
 * columns of each row there: the filters among channel, pillar and author (one, or a pair: the
 * table keeps the pairs as slices too), else the campaign, else the network, else all targets.
 * All three of channel, pillar and author have none.
 */
function publishedSlice(s: ReportScope): { dim: string; value: string } | null {
  const apart = [
    s.channelId && { dim: 'channel', value: s.channelId },
    s.pillarId && { dim: 'pillar', value: s.pillarId },
    s.authorId && { dim: 'author', value: s.authorId },
  ].filter((f): f is { dim: string; value: string } => Boolean(f));
  if (apart.length > 2) return null;
  if (apart.length > 0)
    return { dim: apart.map((f) => f.dim).join('+'), value: apart.map((f) => f.value).join(':') };
  if (s.campaignId) return { dim: 'campaign', value: s.campaignId };
  if (s.network) return { dim: 'network', value: s.network };
  return { dim: 'all', value: '' };
}

/**
 * Rows (grp, val, n) whose sums are the published targets per network and campaign: the whole
 * local days from report_published_days (one slice, the network and campaign filters on its
 * columns, decision 0314), the partial days at the ends from the targets; the targets alone when
 * no slice answers (channel, pillar and author at once).
 */
export function targetCountRows(s: ReportScope): SQL {
  const slice = publishedSlice(s);
  if (!slice) return targetCountFacts(s, iso(s.from), iso(s.to));
  const { days, edges } = splitPeriod(s.from, s.to, s.timezone);
  const parts = edges.map((e) => targetCountFacts(s, iso(e.from), iso(e.to)));
  if (days)
    parts.push(sql`select g.grp, g.val, r.n
      from (select r.network, r.campaign_id, sum(r.n)::int as n from report_published_days r
        where r.workspace_id = ${s.workspaceId} and r.dim = ${slice.dim} and r.dim_value = ${slice.value}
          and r.day >= ${days.first}::date and r.day < ${days.end}::date
          ${s.network ? sql`and r.network = ${s.network}` : sql``}
          ${s.campaignId ? sql`and r.campaign_id = ${s.campaignId}` : sql``}
        group by 1, 2) r,
        lateral (values ('network', r.network), ('campaign', coalesce(r.campaign_id::text, ''))) as g(grp, val)`);
  return sql.join(parts, sql` union all `);
}

/** Posts of the snapshot in [from, to) with their engagement there: (post_id, engagement). */
function snapshotPosts(s: ReportScope, from: SQL, to: SQL): SQL {
  return sql`select x.post_id, sum(x.engagement) as engagement from target_engagement x
    where ${snapshotWhere(s, from, to)} group by x.post_id`;
}

/**
 * Candidates for the `limit` posts of highest (top) or lowest (bottom) engagement, ties to the
 * smaller id: from each whole day of the slice, the posts ranked before that day's `limit`-th
 * through post_engagement_rank_idx (at most 2 x limit rows and three index probes a day), plus the
 * partial days' posts. Rows (post_id, engagement) to be summed per post.
 */
export function rankedPostRows(s: ReportScope, order: 'top' | 'bottom', limit: number): SQL {
  const { slice, days, edges } = periodParts(s);
  const parts = edges.map((e) => snapshotPosts(s, iso(e.from), iso(e.to)));
  if (slice && days) {
    const key = sql`e.workspace_id = ${s.workspaceId} and e.dim = ${slice.dim} and e.dim_value = ${slice.value}
      and e.day = d.day::date`;
    const top = order === 'top';
    // A day with fewer posts than the list has no `limit`-th: all its posts are candidates.
    const beyond = top ? sql`> coalesce(t.edge, -1)` : sql`< coalesce(t.edge, 9223372036854775807)`;
    parts.push(sql`select c.post_id, c.engagement
      from generate_series(${days.first}::date, ${days.end}::date - 1, interval '1 day') as d(day)
        left join lateral (select e.engagement as edge from post_engagement e where ${key}
          order by e.engagement ${top ? sql`desc` : sql`asc`} offset ${limit - 1} limit 1) t on true,
        lateral (
          (select e.post_id, e.engagement from post_engagement e where ${key} and e.engagement ${beyond})
          union all
          (select e.post_id, e.engagement from post_engagement e where ${key} and e.engagement = t.edge
            order by e.post_id limit ${limit})) c`);
  }
  return sql.join(parts, sql` union all `);
}

/** The networks of a post's measured targets inside the period and filters (for the few listed). */
export function postNetworks(s: ReportScope, postId: SQL): SQL {
  // Through the post's targets (post_targets' (post, channel) index), then each one's snapshot row.
  return sql`(select array_agg(distinct x.network order by x.network)
    from post_targets pt join target_engagement x on x.target_id = pt.id
    where pt.post_id = ${postId} and ${snapshotWhere(s, iso(s.from), iso(s.to))})`;
}
