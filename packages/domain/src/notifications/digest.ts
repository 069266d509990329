// The daily digest: one email a day per member and workspace with everything that waited for it
// (members who chose the digest, and instant emails over the storm limit). A periodic task of the
// job runner calls this; the email itself goes through the outbox like any other (queue-email.ts).
import { memberships, notificationSettings, notifications, users, workspaces } from '@cadence/db';
import { and, asc, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { renderDigestEmail } from './email-render';
import { notificationPath, PREFERENCES_PATH } from './links';
import type { NotifyDeps } from './fan-out';
import { queueEmail } from './queue-email';

export const DIGEST_EVERY_MS = 24 * 3600 * 1000;
/** Lines in one digest; beyond them it says how many more are in the app (a storm is not mailed out). */
export const DIGEST_MAX_ITEMS = 100;
/** People handled per call: bounds one transaction. */
export const DIGEST_BATCH = 100;

/** Sends the digests that are due; returns how many were queued. */
export async function sendDueDigests(deps: NotifyDeps): Promise<number> {
  const now = deps.clock();
  const dueBefore = new Date(now.getTime() - DIGEST_EVERY_MS);
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .selectDistinct({ workspaceId: notifications.workspaceId, userId: notifications.userId })
      .from(notifications)
      .leftJoin(
        notificationSettings,
        and(
          eq(notificationSettings.workspaceId, notifications.workspaceId),
          eq(notificationSettings.userId, notifications.userId),
        ),
      )
      .where(
        and(
          eq(notifications.digestPending, true),
          or(isNull(notificationSettings.lastDigestAt), lt(notificationSettings.lastDigestAt, dueBefore)),
        ),
      )
      .limit(DIGEST_BATCH);
    let queued = 0;
    for (const { workspaceId, userId } of due) {
      // SKIP LOCKED: a digest another process is writing right now is left to it.
      const items = await tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.workspaceId, workspaceId),
            eq(notifications.userId, userId),
            eq(notifications.digestPending, true),
          ),
        )
        .orderBy(asc(notifications.createdAt))
        .limit(DIGEST_MAX_ITEMS)
        .for('update', { skipLocked: true });
      if (items.length === 0) continue;
      const [person] = await tx
        .select({ email: users.email, locale: users.locale, workspace: workspaces.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
      // Everything that waited is settled by this digest: the lines beyond the first 100 are counted
      // and stay in the bell. Leaving them pending would mail a storm out 100 lines a day for days.
      const rest = await tx
        .update(notifications)
        .set({ digestPending: false })
        .where(
          and(
            eq(notifications.workspaceId, workspaceId),
            eq(notifications.userId, userId),
            eq(notifications.digestPending, true),
            notInArray(
              notifications.id,
              items.map((i) => i.id),
            ),
          ),
        )
        .returning({ id: notifications.id });
      await tx
        .update(notifications)
        .set({ digestPending: false })
        .where(
          inArray(
            notifications.id,
            items.map((i) => i.id),
          ),
        );
      // Someone who left the workspace gets nothing more from it.
      if (!person) continue;
      const rendered = renderDigestEmail({
        locale: person.locale,
        workspace: person.workspace,
        preferencesUrl: `${deps.origin}${PREFERENCES_PATH}`,
        total: items.length + rest.length,
        appUrl: `${deps.origin}/`,
        items: items.map((n) => ({
          kind: n.kind,
          params: n.params,
          actorName: n.actorName,
          link: `${deps.origin}${notificationPath(n)}`,
        })),
      });
      await queueEmail(tx, {
        workspaceId,
        userId,
        to: person.email,
        locale: person.locale,
        topic: 'digest',
        rendered,
        mailDomain: deps.mailDomain,
        now,
      });
      await tx
        .insert(notificationSettings)
        .values({ workspaceId, userId, lastDigestAt: now })
        .onConflictDoUpdate({
          target: [notificationSettings.workspaceId, notificationSettings.userId],
          set: { lastDigestAt: sql`excluded.last_digest_at` },
        });
      queued++;
    }
    return queued;
  });
}
