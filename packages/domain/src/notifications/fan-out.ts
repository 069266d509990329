// Turns recorded notification events into one notification per recipient and one outbox email per
// instant email, in one transaction: an event is fanned out once (claimed with SKIP LOCKED, marked
// done in the same commit), and its emails' jobs are queued in that commit too. Runs as a periodic
// task of the job runner (see register-notifications.ts), never a loop of its own.
import {
  type Db,
  memberships,
  notificationEvents,
  notificationPreferences,
  type NotificationParams,
  notificationSettings,
  type notifications,
  postComments,
  postEvents,
  posts,
  postTargets,
  users,
  workspaces,
} from '@cadence/db';
import type { Locale, NotificationDelivery, NotificationKind } from '@cadence/names';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { renderNotificationEmail } from './email-render';
import { insertNotifications, lockEmailCaps, recentEmailCounts } from './fan-out-writes';
import type { FanOutLane } from './lanes';
import { notificationPath, PREFERENCES_PATH } from './links';
import { DEFAULT_DELIVERY, INSTANT_EMAIL_LIMIT, wantsEmail, wantsInApp } from './preferences-rules';
import { queueDeliveriesForEvents } from '../webhooks/deliveries';
import { queueEmail } from './queue-email';
import { type MemberInfo, mentionedMembers, recipientsFor } from './recipients';

export interface NotifyDeps {
  db: Db;
  clock: () => Date;
  /** The address people open Cadence at, for links in emails. */
  origin: string;
  /** Where Message-IDs say they come from (the MAIL_FROM domain). */
  mailDomain: string;
}

type Member = MemberInfo & { workspaceId: string; locale: Locale };

const excerptOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};

/** Events a fan-out takes per transaction: short transactions, so a cap lock is never held long. */
export const FAN_OUT_BATCH = 100;

/**
 * Fans out up to `limit` pending events of one lane (lanes.ts), oldest first; without a lane, of
 * either (tests, and a caller that wants everything out). Returns how many it took.
 */
export async function fanOutNotifications(
  deps: NotifyDeps,
  options: { lane?: FanOutLane; limit?: number } = {},
): Promise<number> {
  const limit = options.limit ?? FAN_OUT_BATCH;
  return deps.db.transaction(async (tx) => {
    const pending = isNull(notificationEvents.fannedOutAt);
    const events = await tx
      .select()
      .from(notificationEvents)
      .where(
        options.lane
          ? and(pending, eq(notificationEvents.publicationLane, options.lane === 'publications'))
          : pending,
      )
      .orderBy(asc(notificationEvents.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (events.length === 0) return 0;
    const now = deps.clock();
    const workspaceIds = [...new Set(events.map((e) => e.workspaceId))];
    const postIds = [...new Set(events.flatMap((e) => (e.postId ? [e.postId] : [])))];
    const commentIds = events.flatMap((e) =>
      typeof e.params.commentId === 'string' ? [e.params.commentId] : [],
    );

    const memberRows = await tx
      .select({
        workspaceId: memberships.workspaceId,
        userId: memberships.userId,
        role: memberships.role,
        name: users.name,
        email: users.email,
        locale: users.locale,
      })
      .from(memberships)
      .innerJoin(users, sql`${users.id} = ${memberships.userId}`)
      .where(inArray(memberships.workspaceId, workspaceIds));
    const membersOf = new Map<string, Member[]>();
    for (const m of memberRows) membersOf.set(m.workspaceId, [...(membersOf.get(m.workspaceId) ?? []), m]);
    const workspaceNames = new Map(
      (
        await tx
          .select({ id: workspaces.id, name: workspaces.name })
          .from(workspaces)
          .where(inArray(workspaces.id, workspaceIds))
      ).map((w) => [w.id, w.name]),
    );
    const postRows = postIds.length
      ? await tx
          .select({ id: posts.id, authorUserId: posts.authorUserId, text: posts.text })
          .from(posts)
          .where(inArray(posts.id, postIds))
      : [];
    const postById = new Map(postRows.map((p) => [p.id, p]));
    // Participants: everyone who commented on or acted on the post (submitted, reviewed...).
    const commentPostIds = [
      ...new Set(events.filter((e) => e.kind === 'comment' && e.postId).map((e) => e.postId as string)),
    ];
    const participants = new Map<string, Set<string>>();
    if (commentPostIds.length) {
      const rows = [
        ...(await tx
          .selectDistinct({ postId: postComments.postId, userId: postComments.authorUserId })
          .from(postComments)
          .where(inArray(postComments.postId, commentPostIds))),
        ...(await tx
          .selectDistinct({ postId: postEvents.postId, userId: postEvents.actorUserId })
          .from(postEvents)
          .where(inArray(postEvents.postId, commentPostIds))),
      ];
      for (const r of rows)
        if (r.userId) participants.set(r.postId, (participants.get(r.postId) ?? new Set()).add(r.userId));
    }
    const commentBodies = new Map(
      commentIds.length
        ? (
            await tx
              .select({ id: postComments.id, body: postComments.body })
              .from(postComments)
              .where(inArray(postComments.id, commentIds))
          ).map((c) => [c.id, c.body])
        : [],
    );
    // A failed post whose every target missed its time is "missed", not "failed".
    const failedPostIds = events
      .filter((e) => e.kind === 'post_failed' && e.postId)
      .map((e) => e.postId as string);
    const missedPosts = new Set<string>();
    if (failedPostIds.length) {
      const rows = await tx
        .select({
          postId: postTargets.postId,
          statuses: sql<string[]>`array_agg(${postTargets.status}::text)`,
        })
        .from(postTargets)
        .where(inArray(postTargets.postId, failedPostIds))
        .groupBy(postTargets.postId);
      for (const r of rows) {
        const live = r.statuses.filter((s) => s !== 'cancelled');
        if (live.length > 0 && live.every((s) => s === 'missed')) missedPosts.add(r.postId);
      }
    }

    const prefs = new Map(
      (
        await tx
          .select()
          .from(notificationPreferences)
          .where(inArray(notificationPreferences.workspaceId, workspaceIds))
      ).map((p) => [`${p.workspaceId}:${p.userId}:${p.kind}`, p.delivery]),
    );
    const digestUsers = new Set(
      (
        await tx
          .select()
          .from(notificationSettings)
          .where(inArray(notificationSettings.workspaceId, workspaceIds))
      )
        .filter((s) => s.emailDigest)
        .map((s) => `${s.workspaceId}:${s.userId}`),
    );
    // Who would get which notification, before deciding which of them become instant emails.
    const planned: {
      event: (typeof events)[number];
      kind: NotificationKind;
      member: Member;
      delivery: NotificationDelivery;
      params: NotificationParams;
      actorName: string | null;
    }[] = [];
    for (const event of events) {
      const members = membersOf.get(event.workspaceId) ?? [];
      const post = event.postId ? postById.get(event.postId) : undefined;
      const body =
        typeof event.params.commentId === 'string' ? commentBodies.get(event.params.commentId) : undefined;
      const mentioned = body ? mentionedMembers(body, members) : [];
      const people = {
        actorUserId: event.actorUserId,
        subjectUserId: event.subjectUserId,
        authorUserId: post?.authorUserId ?? null,
        participantUserIds: [
          ...(event.postId ? (participants.get(event.postId) ?? []) : []),
          ...(post?.authorUserId ? [post.authorUserId] : []),
        ],
        mentionedUserIds: mentioned,
      };
      const baseKind: NotificationKind =
        event.kind === 'post_failed' && event.postId && missedPosts.has(event.postId)
          ? 'post_missed'
          : event.kind;
      const perKind: [NotificationKind, string[]][] =
        baseKind === 'comment'
          ? [
              ['mention', recipientsFor(members, { ...people, kind: 'mention' })],
              ['comment', recipientsFor(members, { ...people, kind: 'comment' })],
            ]
          : [[baseKind, recipientsFor(members, { ...people, kind: baseKind })]];
      const actorName = members.find((m) => m.userId === event.actorUserId)?.name ?? null;
      const params = { ...event.params, ...(post ? { excerpt: excerptOf(post.text) } : {}) };
      const seen = new Set<string>();
      for (const [kind, recipients] of perKind) {
        for (const userId of recipients) {
          if (seen.has(userId)) continue;
          seen.add(userId);
          const member = members.find((m) => m.userId === userId);
          if (!member) continue;
          const delivery = prefs.get(`${event.workspaceId}:${userId}:${kind}`) ?? DEFAULT_DELIVERY[kind];
          if (delivery === 'off') continue;
          planned.push({ event, kind, member, delivery, params, actorName });
        }
      }
    }

    const wantsInstant = (p: (typeof planned)[number]) =>
      wantsEmail(p.delivery) && !digestUsers.has(`${p.event.workspaceId}:${p.member.userId}`);
    // The per-person cap counts emails already queued; another fan-out (the other lane, another
    // process) may be queuing for the same person right now. Holding each would-be recipient's cap
    // lock until this commit makes the count below include everything committed before us.
    const emailUserIds = [...new Set(planned.filter(wantsInstant).map((p) => p.member.userId))];
    await lockEmailCaps(tx, emailUserIds);
    const recentEmails = await recentEmailCounts(tx, emailUserIds, now);

    const rows: (typeof notifications.$inferInsert)[] = [];
    const emails: Parameters<typeof queueEmail>[1][] = [];
    for (const { event, kind, member, delivery, params, actorName } of planned) {
      const userId = member.userId;
      let digestPending = false;
      if (wantsEmail(delivery)) {
        const sent = recentEmails.get(userId) ?? 0;
        if (digestUsers.has(`${event.workspaceId}:${userId}`) || sent >= INSTANT_EMAIL_LIMIT.count) {
          digestPending = true;
        } else {
          recentEmails.set(userId, sent + 1);
          const path = notificationPath({ kind, postId: event.postId, channelId: event.channelId, params });
          const rendered = renderNotificationEmail({
            locale: member.locale,
            workspace: workspaceNames.get(event.workspaceId) ?? '',
            preferencesUrl: `${deps.origin}${PREFERENCES_PATH}`,
            item: { kind, params, actorName, link: `${deps.origin}${path}` },
          });
          emails.push({
            workspaceId: event.workspaceId,
            userId,
            to: member.email,
            locale: member.locale,
            topic: kind,
            rendered,
            mailDomain: deps.mailDomain,
            now,
          });
        }
      }
      if (!wantsInApp(delivery) && !digestPending) continue;
      rows.push({
        eventId: event.id,
        workspaceId: event.workspaceId,
        userId,
        kind,
        postId: event.postId,
        channelId: event.channelId,
        actorName,
        params,
        inApp: wantsInApp(delivery),
        digestPending,
        createdAt: event.createdAt,
      });
    }
    await insertNotifications(tx, rows);
    for (const email of emails) await queueEmail(tx, email);
    // Integrations hear about the same events, once, in the same commit.
    await queueDeliveriesForEvents(tx, events, now);
    await tx
      .update(notificationEvents)
      .set({ fannedOutAt: now })
      .where(
        inArray(
          notificationEvents.id,
          events.map((e) => e.id),
        ),
      );
    return events.length;
  });
}
