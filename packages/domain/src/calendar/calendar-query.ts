// The one query behind the calendar, the ICS feed and the export's time range: targets of one
// workspace between two instants, with what a calendar shows of their post, channel, campaign and
// author. It reads the (workspace_id, scheduled_at) index of post_targets as a range scan and
// joins the rest by primary key; the title is cut in SQL so long texts never leave the database.
import { campaigns, channels, type Executor, posts, postTargets, users } from '@cadence/db';
import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { CalendarEvent } from './schemas';

export interface CalendarFilters {
  channelIds?: readonly string[] | undefined;
  campaignIds?: readonly string[] | undefined;
  statuses?: readonly CalendarEvent['status'][] | undefined;
  authorIds?: readonly string[] | undefined;
  pillarIds?: readonly string[] | undefined;
}

export const TITLE_MAX = 200;

const some = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

export type CalendarQueryInput = { workspaceId: string; from: Date; to: Date; limit: number } & CalendarFilters;

/** The query itself, not run: the benchmark times its SQL (`.toSQL()`) raw, next to the API. */
export function calendarQuery(db: Executor, input: CalendarQueryInput) {
  return db
    .select({
      id: postTargets.id,
      postId: postTargets.postId,
      // chr(10) is the newline: the first line of the text, cut to a calendar-sized title.
      title: sql<string>`left(split_part(coalesce(${postTargets.textOverride}, ${posts.text}), chr(10), 1), ${sql.raw(String(TITLE_MAX))})`,
      // ISO 8601 in UTC, written by the database: no Date built and formatted again per row.
      start: sql<string>`to_char(${postTargets.scheduledAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      network: postTargets.network,
      channelId: postTargets.channelId,
      channelName: channels.displayName,
      status: posts.status,
      targetStatus: postTargets.status,
      campaignId: posts.campaignId,
      campaignName: campaigns.name,
      campaignColour: campaigns.colour,
      pillarId: posts.pillarId,
      authorUserId: posts.authorUserId,
      authorTokenId: posts.authorTokenId,
      authorName: users.name,
    })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .leftJoin(users, eq(users.id, posts.authorUserId))
    .where(
      and(
        eq(postTargets.workspaceId, input.workspaceId),
        gte(postTargets.scheduledAt, input.from),
        lt(postTargets.scheduledAt, input.to),
        some(input.channelIds) ? inArray(postTargets.channelId, [...input.channelIds]) : undefined,
        some(input.campaignIds) ? inArray(posts.campaignId, [...input.campaignIds]) : undefined,
        some(input.statuses) ? inArray(posts.status, [...input.statuses]) : undefined,
        some(input.pillarIds) ? inArray(posts.pillarId, [...input.pillarIds]) : undefined,
        some(input.authorIds)
          ? or(
              inArray(posts.authorUserId, [...input.authorIds]),
              inArray(posts.authorTokenId, [...input.authorIds]),
            )
          : undefined,
      ),
    )
    .orderBy(asc(postTargets.scheduledAt), asc(postTargets.id))
    .limit(input.limit);
}

/** Targets with from <= scheduled_at < to, in time order, at most `limit`. */
export async function queryCalendar(db: Executor, input: CalendarQueryInput): Promise<CalendarEvent[]> {
  return calendarQuery(db, input);
}
