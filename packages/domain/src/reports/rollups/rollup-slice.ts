// Which slice of the roll-up answers a report's filters: all targets with no filter, one slice
// with one filter. Two filters or more have no slice (the roll-up keeps each dimension apart, or a
// day would hold as many rows as targets), so such a report reads the targets themselves.
import { type SQL, sql } from 'drizzle-orm';
import type { ReportScope } from '../report-scope';

interface Slice {
  dim: 'all' | 'channel' | 'network' | 'campaign' | 'pillar' | 'author';
  value: string;
}

export function rollupSlice(s: ReportScope): Slice | null {
  const filters: Slice[] = [];
  if (s.channelId) filters.push({ dim: 'channel', value: s.channelId });
  if (s.network) filters.push({ dim: 'network', value: s.network });
  if (s.campaignId) filters.push({ dim: 'campaign', value: s.campaignId });
  if (s.pillarId) filters.push({ dim: 'pillar', value: s.pillarId });
  if (s.authorId) filters.push({ dim: 'author', value: s.authorId });
  if (filters.length > 1) return null;
  return filters[0] ?? { dim: 'all', value: '' };
}

/** The roll-up rows of a slice over the local days [first, end), today excepted (read from the facts). */
export function rollupRows(s: ReportScope, slice: Slice, days: { first: string; end: string }): SQL {
  return sql`select r.day, r.status, r.delay_bucket as bucket, r.reason,
      r.day < (now() at time zone ${s.timezone})::date as due, r.n
    from report_target_days r
    where r.workspace_id = ${s.workspaceId} and r.dim = ${slice.dim} and r.dim_value = ${slice.value}
      and r.day >= ${days.first}::date and r.day < ${days.end}::date
      and r.day <> (now() at time zone ${s.timezone})::date`;
}
