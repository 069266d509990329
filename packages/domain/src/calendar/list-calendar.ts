import type { Executor } from '@cadence/db';
import { DateTime } from 'luxon';
import type { Actor } from '../accounts/actor';
import { invalidField } from '../errors';
import { isStorableInstant } from '../storable';
import { queryCalendarPosts } from './calendar-posts-query';
import { type CalendarQuery, MAX_EVENTS, MAX_RANGE_DAYS } from './schemas';

/** A bound without an offset is read in the workspace zone; one with an offset means that instant. */
export function resolveBound(value: string, zone: string, field: string): Date {
  const at = DateTime.fromISO(value, { zone });
  if (!at.isValid || !isStorableInstant(at.toJSDate())) throw invalidField(field, 'invalid_date_or_datetime');
  return at.toJSDate();
}

/** Checks a [from, to) range: to after from, at most `maxDays` long; errors name the field. */
export function resolveRange(
  query: { from: string; to: string },
  zone: string,
  maxDays: number,
  prefix = 'querystring',
): { from: Date; to: Date } {
  const from = resolveBound(query.from, zone, `${prefix}.from`);
  const to = resolveBound(query.to, zone, `${prefix}.to`);
  if (to.getTime() <= from.getTime())
    throw invalidField(`${prefix}.to`, 'must_be_after', { other: `${prefix}.from` });
  // Calendar days in the zone, so a range over a 25-hour fall-back day is not a day "too long".
  const days = DateTime.fromJSDate(to, { zone }).diff(DateTime.fromJSDate(from, { zone }), 'days').days;
  if (days > maxDays) {
    throw invalidField(`${prefix}.to`, 'range_too_long', { max: maxDays });
  }
  return { from, to };
}

/** The dated posts of the workspace in [from, to), one per post with its channels. */
export async function listCalendar(db: Executor, actor: Actor, query: CalendarQuery) {
  const { from, to } = resolveRange(query, actor.workspaceTimezone, MAX_RANGE_DAYS);
  const rows = await queryCalendarPosts(db, {
    workspaceId: actor.workspaceId,
    from,
    to,
    limit: MAX_EVENTS + 1,
    channelIds: query.channel,
    campaignIds: query.campaign,
    statuses: query.status,
    authorIds: query.author,
    pillarIds: query.pillar,
  });
  return {
    timezone: actor.workspaceTimezone,
    from: from.toISOString(),
    to: to.toISOString(),
    truncated: rows.length > MAX_EVENTS,
    items: rows.slice(0, MAX_EVENTS),
  };
}
