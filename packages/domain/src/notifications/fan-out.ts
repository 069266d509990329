// Turns recorded notification events into one notification per recipient and one outbox email per
// instant email, in one transaction: an event is fanned out once (claimed with SKIP LOCKED, marked
// done in the same commit), and its emails' jobs are queued in that commit too. Runs as a periodic
// task of the job runner (see register-notifications.ts), never a loop of its own.
import {
  type Db,
  emailOutbox,
  type Executor,
  memberships,
  notificationEvents,
  notificationPreferences,
  notificationSettings,
  notifications,
  postComments,
  postEvents,
  posts,
  postTargets,
  users,
  workspaces,
} from '@cadence/db';
import type { Locale, NotificationKind } from '@cadence/names';
import { and, asc, count, gte, inArray, isNull, sql } from 'drizzle-orm';
import { renderNotificationEmail } from './email-render';
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

export async function fanOutNotifications(deps: NotifyDeps, limit = 500): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const events = await tx
      .select()
      .from(notificationEvents)
      .where(isNull(notificationEvents.fannedOutAt))
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

    const userIds = [...new Set(memberRows.map((m) => m.userId))];
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
    const recentEmails = new Map(
      userIds.length
        ? (
            await tx
              .select({ userId: emailOutbox.userId, n: count() })
              .from(emailOutbox)
              .where(
                and(
                  inArray(emailOutbox.userId, userIds),
                  gte(emailOutbox.createdAt, new Date(now.getTime() - INSTANT_EMAIL_LIMIT.windowMs)),
                ),
              )
              .groupBy(emailOutbox.userId)
          ).map((r) => [r.userId, r.n])
        : [],
    );

    const rows: (typeof notifications.$inferInsert)[] = [];
    const emails: Parameters<typeof queueEmail>[1][] = [];
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
          let digestPending = false;
          if (wantsEmail(delivery)) {
            const sent = recentEmails.get(userId) ?? 0;
            if (digestUsers.has(`${event.workspaceId}:${userId}`) || sent >= INSTANT_EMAIL_LIMIT.count) {
              digestPending = true;
            } else {
              recentEmails.set(userId, sent + 1);
              const path = notificationPath({
                kind,
                postId: event.postId,
                channelId: event.channelId,
                params,
              });
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
      }
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

/**
 * All of a batch's notifications in one statement carrying one JSON parameter: a multi-row VALUES
 * with 11 parameters a row spent most of a fan-out building and binding them (1,000 rows took
 * 300-500 ms on the shared 2-core machine, bench/notifications.bench.ts), which the bell waited on.
 */
async function insertNotifications(tx: Executor, rows: (typeof notifications.$inferInsert)[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      event_id: r.eventId,
      workspace_id: r.workspaceId,
      user_id: r.userId,
      kind: r.kind,
      post_id: r.postId ?? null,
      channel_id: r.channelId ?? null,
      actor_name: r.actorName ?? null,
      params: r.params ?? {},
      in_app: r.inApp,
      digest_pending: r.digestPending ?? false,
      created_at: (r.createdAt ?? new Date()).toISOString(),
    })),
  );
  await tx.execute(sql`
    INSERT INTO notifications (event_id, workspace_id, user_id, kind, post_id, channel_id, actor_name,
      params, in_app, digest_pending, created_at)
    SELECT event_id, workspace_id, user_id, kind, post_id, channel_id, actor_name, params, in_app,
      digest_pending, created_at
    FROM jsonb_to_recordset(${json}::jsonb) AS r(event_id uuid, workspace_id uuid, user_id uuid,
      kind notification_kind, post_id uuid, channel_id uuid, actor_name text, params jsonb,
      in_app boolean, digest_pending boolean, created_at timestamptz)
    ON CONFLICT DO NOTHING`);
}
