// What the Workflow and Charter reports read from report_post_days (decision 0302): one slice (all
// posts, one network or one channel) over the period's whole local days, every other filter a
// column of the same rows, so any combination of filters is exact and reads one slice's days.
import { type SQL, sql } from 'drizzle-orm';
import type { ReportScope } from '../report-scope';

/** The slice a report's filters read: a channel's, else a network's, else every post's. */
function sliceOf(s: ReportScope): SQL {
  const slice = s.channelId ?? s.network ?? '';
  // A channel with a network filter too: the channel's rows carry its network.
  const network = s.channelId && s.network ? sql`and r.network = ${s.network}` : sql``;
  return sql`r.slice = ${slice} ${network}`;
}

/** Rows (day, kind, rule, bucket, n) of the given kinds over the local days [first, end). */
export function postRollupRows(s: ReportScope, kinds: string[], days: { first: string; end: string }): SQL {
  return sql`select r.day, r.kind, r.rule, r.bucket, r.n
    from report_post_days r
    where r.workspace_id = ${s.workspaceId} and ${sliceOf(s)}
      and r.day >= ${days.first}::date and r.day < ${days.end}::date
      and r.kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})
      ${s.campaignId ? sql`and r.campaign_id = ${s.campaignId}` : sql``}
      ${s.pillarId ? sql`and r.pillar_id = ${s.pillarId}` : sql``}
      ${s.authorId ? sql`and r.author_id = ${s.authorId}` : sql``}`;
}
