// The inbox list: one list across the workspace's channels, filtered, newest first or the
// longest-waiting first, in keyset pages (each page one index range scan, stable while items
// arrive), and the counts behind the badge.
import { type Db, inboxItems, posts } from '@cadence/db';
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, not, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { toInboxItemView } from './inbox-view';
import { lateBefore, type PastTargetCutoff } from './response-times';
import type { InboxItemView, InboxListQuery } from './schemas';

export interface InboxPageAfter {
  createdAt: Date;
  id: string;
}

/**
 * Not done, never answered, not snoozed now, written at or before the cutoff: past the
 * first-response target (decision 0270 for the snooze; `isPastTarget` in inbox-view.ts). The
 * Community report counts the same items from its roll-up (community.ts, decision 0316): change both.
 */
export function pastTargetSql(late: PastTargetCutoff | null): SQL {
  const i = inboxItems;
  return late
    ? (and(
        ne(i.status, 'done'),
        isNull(i.firstResponseAt),
        or(isNull(i.snoozedUntil), lte(i.snoozedUntil, late.now)),
        lte(i.createdAt, late.cutoff),
      ) as SQL)
    : sql`false`;
}

function filters(
  db: Db,
  actor: Actor,
  q: InboxListQuery,
  now: Date,
  late: PastTargetCutoff | null,
): (SQL | undefined)[] {
  const i = inboxItems;
  const assignee =
    q.assignee === 'none'
      ? isNull(i.assigneeUserId)
      : q.assignee === 'me'
        ? actor.userId
          ? eq(i.assigneeUserId, actor.userId)
          : sql`false`
        : q.assignee
          ? eq(i.assigneeUserId, q.assignee)
          : undefined;
  const snoozedNow = and(sql`${i.snoozedUntil} is not null`, gt(i.snoozedUntil, now));
  return [
    eq(i.workspaceId, actor.workspaceId),
    q.channelId ? eq(i.channelId, q.channelId) : undefined,
    q.network ? eq(i.network, q.network) : undefined,
    q.postId ? eq(i.postId, q.postId) : undefined,
    q.campaignId
      ? inArray(
          i.postId,
          db
            .select({ id: posts.id })
            .from(posts)
            .where(and(eq(posts.workspaceId, actor.workspaceId), eq(posts.campaignId, q.campaignId))),
        )
      : undefined,
    q.status ? eq(i.status, q.status) : undefined,
    q.order === 'oldest_waiting' && !q.status ? inArray(i.status, ['open', 'waiting']) : undefined,
    assignee,
    q.snoozed === true ? snoozedNow : undefined,
    q.snoozed === false ? or(isNull(i.snoozedUntil), lte(i.snoozedUntil, now)) : undefined,
    q.pastTarget === true ? pastTargetSql(late) : undefined,
    q.pastTarget === false ? not(pastTargetSql(late)) : undefined,
  ];
}

/** Up to limit+1 items, so the caller can tell whether a next page exists. */
export async function listInboxItems(
  db: Db,
  actor: Actor,
  q: InboxListQuery,
  after: InboxPageAfter | undefined,
  now: Date,
): Promise<InboxItemView[]> {
  const i = inboxItems;
  const newest = q.order === 'newest';
  const keyset = after
    ? newest
      ? or(lt(i.createdAt, after.createdAt), and(eq(i.createdAt, after.createdAt), lt(i.id, after.id)))
      : or(gt(i.createdAt, after.createdAt), and(eq(i.createdAt, after.createdAt), gt(i.id, after.id)))
    : undefined;
  const late = await lateBefore(db, actor.workspaceId, now);
  const rows = await db
    .select()
    .from(i)
    .where(and(...filters(db, actor, q, now, late), keyset))
    .orderBy(...(newest ? [desc(i.createdAt), desc(i.id)] : [asc(i.createdAt), asc(i.id)]))
    .limit(q.limit + 1);
  return rows.map((r) => toInboxItemView(r, late));
}

export async function inboxCounts(db: Db, actor: Actor, now: Date) {
  const i = inboxItems;
  const snoozed = sql`(${i.snoozedUntil} is not null and ${i.snoozedUntil} > ${now})`;
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${i.status} = 'open' and not ${snoozed})`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${i.status} = 'waiting' and not ${snoozed})`.mapWith(
        Number,
      ),
      snoozed: sql<number>`count(*) filter (where ${snoozed})`.mapWith(Number),
    })
    .from(i)
    .where(and(eq(i.workspaceId, actor.workspaceId), ne(i.status, 'done')));
  // Its own query: the badge's stays an index-only read of the partial index.
  const late = await lateBefore(db, actor.workspaceId, now);
  const [past] = late
    ? await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(i)
        .where(and(eq(i.workspaceId, actor.workspaceId), pastTargetSql(late)))
    : [];
  return {
    open: row?.open ?? 0,
    waiting: row?.waiting ?? 0,
    snoozed: row?.snoozed ?? 0,
    pastTarget: past?.n ?? 0,
  };
}
