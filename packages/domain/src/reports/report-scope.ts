// What every report shares: the period and filters (the same query string for each section), the
// range check, and the filters as SQL over a post_targets alias `pt` / a posts alias `p`.
import type { Executor } from '@cadence/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { resolveRange } from '../calendar/list-calendar';
import { PLAN_KEPT_MAX_DAYS, type PlanKeptQuery, planKeptQuerySchema } from './plan-kept-schemas';

/**
 * Every section takes the Plan kept query: from, to, campaignId, channelId, network, pillarId,
 * authorId, format.
 */
export const reportQuerySchema = planKeptQuerySchema;
export type ReportQuery = PlanKeptQuery;

export interface ReportScope {
  workspaceId: string;
  timezone: string;
  from: Date;
  to: Date;
  campaignId?: string | undefined;
  channelId?: string | undefined;
  network?: string | undefined;
  pillarId?: string | undefined;
  authorId?: string | undefined;
}

export function scopeOf(actor: Actor, query: ReportQuery): ReportScope {
  const { from, to } = resolveRange(query, actor.workspaceTimezone, PLAN_KEPT_MAX_DAYS);
  return {
    workspaceId: actor.workspaceId,
    timezone: actor.workspaceTimezone,
    from,
    to,
    campaignId: query.campaignId,
    channelId: query.channelId,
    network: query.network,
    pillarId: query.pillarId,
    authorId: query.authorId,
  };
}

/** The filters that are the post's own (campaign, pillar, author), on a post alias. */
function ownPostFilters(s: ReportScope, alias: string): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  return sql`${s.campaignId ? sql`and ${col('campaign_id')} = ${s.campaignId}` : sql``}
    ${s.pillarId ? sql`and ${col('pillar_id')} = ${s.pillarId}` : sql``}
    ${s.authorId ? sql`and ${col('author_user_id')} = ${s.authorId}` : sql``}`;
}

/** Filters on a target row `pt` (its channel, network, and its post's campaign, pillar, author). */
export function targetFilters(s: ReportScope): SQL {
  const post =
    s.campaignId || s.pillarId || s.authorId
      ? sql`and exists (select 1 from posts fp where fp.id = pt.post_id ${ownPostFilters(s, 'fp')})`
      : sql``;
  return sql`${s.channelId ? sql`and pt.channel_id = ${s.channelId}` : sql``}
    ${s.network ? sql`and pt.network = ${s.network}` : sql``} ${post}`;
}

/** Filters on a post row `p` (its campaign, pillar, author, and a target on the channel or network). */
export function postFilters(s: ReportScope): SQL {
  const target =
    s.channelId || s.network
      ? sql`and exists (select 1 from post_targets ft where ft.post_id = p.id
          ${s.channelId ? sql`and ft.channel_id = ${s.channelId}` : sql``}
          ${s.network ? sql`and ft.network = ${s.network}` : sql``})`
      : sql``;
  return sql`${ownPostFilters(s, 'p')} ${target}`;
}

export const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Runs a statement answering one json column named `report`. */
export async function runJsonReport<T>(db: Executor, query: SQL): Promise<T> {
  const result = (await db.execute(query)) as unknown as { rows: { report: T | string }[] };
  const report = result.rows[0]?.report;
  // node-postgres parses json; PGlite may too, but a string is handled the same way.
  return (typeof report === 'string' ? JSON.parse(report) : report) as T;
}
