// The calendar's own query: one row per post (not per post x channel), with its channels as a
// JSON array. A post is on the calendar when its targets are on a time in the range (scheduled,
// publishing, published, failed, missed...) or, before that, when the post itself carries a
// proposed time (a dated draft, a post in review or approved but not yet scheduled): both are
// dated work a team plans its week around. The targets side reads the (workspace_id,
// scheduled_at) index as a range scan; the proposed side reads the (workspace_id, status) index
// for the few statuses before scheduling, so no new index is needed.
import { campaigns, channels, type Executor, posts, postTargets, users } from '@cadence/db';
import { and, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { CalendarQueryInput } from './calendar-query';
import { TITLE_MAX } from './calendar-query';
import type { CalendarPost } from './schemas';

/** Statuses whose time is a proposal kept on the post: their targets have no time yet. */
export const PROPOSED_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;

const some = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

export function calendarPostsQuery(input: CalendarQueryInput): SQL {
  const onChannels = some(input.channelIds) ? [...input.channelIds] : null;
  const targetsInRange = and(
    eq(postTargets.workspaceId, input.workspaceId),
    gte(postTargets.scheduledAt, input.from),
    lt(postTargets.scheduledAt, input.to),
    onChannels ? inArray(postTargets.channelId, onChannels) : undefined,
  );
  const proposedInRange = and(
    eq(posts.workspaceId, input.workspaceId),
    inArray(posts.status, [...PROPOSED_STATUSES]),
    gte(posts.scheduledAt, input.from),
    lt(posts.scheduledAt, input.to),
    sql`not exists (select 1 from ${postTargets} where ${postTargets.postId} = ${posts.id} and ${postTargets.scheduledAt} is not null)`,
    onChannels
      ? sql`exists (select 1 from ${postTargets} where ${postTargets.postId} = ${posts.id} and ${inArray(postTargets.channelId, onChannels)})`
      : undefined,
  );
  const postFilters = and(
    some(input.campaignIds) ? inArray(posts.campaignId, [...input.campaignIds]) : undefined,
    some(input.statuses) ? inArray(posts.status, [...input.statuses]) : undefined,
    some(input.pillarIds) ? inArray(posts.pillarId, [...input.pillarIds]) : undefined,
    some(input.authorIds)
      ? or(
          inArray(posts.authorUserId, [...input.authorIds]),
          inArray(posts.authorTokenId, [...input.authorIds]),
        )
      : undefined,
  );
  // Every channel of the post is listed (the card stacks them all), whatever the channel filter.
  const channelList = sql`(select json_agg(json_build_object(
        'targetId', ${postTargets.id},
        'channelId', ${postTargets.channelId},
        'channelName', ${channels.displayName},
        'network', ${postTargets.network},
        'targetStatus', ${postTargets.status}
      ) order by ${channels.displayName}, ${postTargets.id})
      from ${postTargets} inner join ${channels} on ${channels.id} = ${postTargets.channelId}
      where ${postTargets.postId} = ${posts.id})`;
  return sql`with dated as (
      select ${postTargets.postId} as post_id, min(${postTargets.scheduledAt}) as at
        from ${postTargets} where ${targetsInRange} group by ${postTargets.postId}
      union all
      select ${posts.id} as post_id, ${posts.scheduledAt} as at from ${posts} where ${proposedInRange}
    )
    select
      ${posts.id} as "id",
      left(split_part(${posts.text}, chr(10), 1), ${sql.raw(String(TITLE_MAX))}) as "title",
      to_char(dated.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "start",
      ${posts.status} as "status",
      (${posts.status} in (${sql.join(
        PROPOSED_STATUSES.map((s) => sql`${s}`),
        sql`, `,
      )})) as "proposed",
      ${posts.version} as "version",
      ${posts.campaignId} as "campaignId",
      ${campaigns.name} as "campaignName",
      ${campaigns.colour} as "campaignColour",
      ${posts.pillarId} as "pillarId",
      ${posts.authorUserId} as "authorUserId",
      ${posts.authorTokenId} as "authorTokenId",
      ${users.name} as "authorName",
      coalesce(${channelList}, '[]'::json) as "channels"
    from dated
    inner join ${posts} on ${posts.id} = dated.post_id
    left join ${campaigns} on ${campaigns.id} = ${posts.campaignId}
    left join ${users} on ${users.id} = ${posts.authorUserId}
    ${postFilters ? sql`where ${postFilters}` : sql``}
    order by dated.at asc, ${posts.id} asc
    limit ${input.limit}`;
}

/** Dated posts with from <= time < to, in time order, at most `limit`. */
export async function queryCalendarPosts(db: Executor, input: CalendarQueryInput): Promise<CalendarPost[]> {
  const result = (await db.execute(calendarPostsQuery(input))) as unknown as { rows: CalendarPost[] };
  return result.rows;
}
