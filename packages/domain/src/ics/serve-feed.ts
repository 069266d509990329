import { type Executor, icsFeeds, memberships, workspaces } from '@cadence/db';
import { and, eq, isNull } from 'drizzle-orm';
import { queryCalendar } from '../calendar/calendar-query';
import { MAX_EVENTS } from '../calendar/schemas';
import { notFound } from '../errors';
import { sha256 } from '../security/tokens';
import { renderIcs } from './render-ics';
import { ICS_TOKEN } from './schemas';

const DAY_MS = 24 * 60 * 60 * 1000;
// What a subscribed calendar shows: the last quarter (to look back) and the year ahead.
const PAST_DAYS = 92;
const FUTURE_DAYS = 366;

/**
 * The iCalendar text of the feed this token opens. A malformed, unknown or revoked token is the
 * same 404, found by hash in one indexed look-up.
 */
export async function serveIcsFeed(db: Executor, token: string, now: Date): Promise<string> {
  if (!ICS_TOKEN.test(token)) throw notFound('feed');
  const [feed] = await db
    .select({
      workspaceId: icsFeeds.workspaceId,
      name: icsFeeds.name,
      campaignId: icsFeeds.campaignId,
      channelId: icsFeeds.channelId,
      workspaceName: workspaces.name,
      timezone: workspaces.timezone,
      locale: workspaces.locale,
    })
    .from(icsFeeds)
    .innerJoin(workspaces, eq(workspaces.id, icsFeeds.workspaceId))
    // A feed lives only while the person who made it is a member (removal also revokes it).
    .innerJoin(
      memberships,
      and(
        eq(memberships.workspaceId, icsFeeds.workspaceId),
        eq(memberships.userId, icsFeeds.createdByUserId),
      ),
    )
    .where(and(eq(icsFeeds.tokenHash, sha256(token)), isNull(icsFeeds.revokedAt)));
  if (!feed) throw notFound('feed');
  const events = await queryCalendar(db, {
    workspaceId: feed.workspaceId,
    from: new Date(now.getTime() - PAST_DAYS * DAY_MS),
    to: new Date(now.getTime() + FUTURE_DAYS * DAY_MS),
    limit: MAX_EVENTS,
    campaignIds: feed.campaignId ? [feed.campaignId] : undefined,
    channelIds: feed.channelId ? [feed.channelId] : undefined,
  });
  return renderIcs({
    name: `${feed.workspaceName} · ${feed.name}`,
    timezone: feed.timezone,
    locale: feed.locale,
    events,
    now,
  });
}
