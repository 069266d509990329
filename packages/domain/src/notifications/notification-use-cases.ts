// A member's own notifications and preferences: everything scoped by (workspace, user), so nobody
// reads or marks anybody else's.
import { type Db, notificationPreferences, notificationSettings, notifications } from '@cadence/db';
import { NOTIFICATION_KINDS } from '@cadence/names';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { forbidden } from '../errors';
import { parseInput } from '../posts/parse-input';
import { notificationPath } from './links';
import { DEFAULT_DELIVERY } from './preferences-rules';
import {
  markReadSchema,
  type NotificationPreferences,
  type NotificationView,
  notificationListQuerySchema,
  preferencesUpdateSchema,
} from './schemas';

/** Notifications are a person's: an API token acts for its creator, a token without one has none. */
function personOf(actor: Actor): string {
  const id = actor.personId ?? actor.userId;
  if (!id) throw forbidden('errors.notifications.personOnly');
  return id;
}

const mine = (actor: Actor) =>
  and(
    eq(notifications.workspaceId, actor.workspaceId),
    eq(notifications.userId, personOf(actor)),
    eq(notifications.inApp, true),
  );

export async function listNotifications(db: Db, actor: Actor, query: unknown) {
  const q = parseInput(notificationListQuerySchema, query, 'query');
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine(actor), q.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(actor), isNull(notifications.readAt)));
  const items: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    actorName: r.actorName,
    params: r.params,
    path: notificationPath(r),
    createdAt: r.createdAt,
    readAt: r.readAt,
  }));
  return { items, unread: unread?.n ?? 0 };
}

export async function markNotificationsRead(db: Db, actor: Actor, input: unknown, now: Date) {
  const body = parseInput(markReadSchema, input);
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        mine(actor),
        isNull(notifications.readAt),
        body.ids ? inArray(notifications.id, body.ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { marked: rows.length };
}

export async function getPreferences(db: Db, actor: Actor): Promise<NotificationPreferences> {
  const userId = personOf(actor);
  const where = (t: typeof notificationPreferences | typeof notificationSettings) =>
    and(eq(t.workspaceId, actor.workspaceId), eq(t.userId, userId));
  const chosen = await db.select().from(notificationPreferences).where(where(notificationPreferences));
  const [settings] = await db.select().from(notificationSettings).where(where(notificationSettings));
  const kinds = { ...DEFAULT_DELIVERY };
  for (const p of chosen) kinds[p.kind] = p.delivery;
  return {
    emailDigest: settings?.emailDigest ?? false,
    weeklyReport: settings?.weeklyReport ?? false,
    kinds,
  };
}

export async function updatePreferences(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<NotificationPreferences> {
  const body = parseInput(preferencesUpdateSchema, input);
  const userId = personOf(actor);
  await db.transaction(async (tx) => {
    const settings = {
      ...(body.emailDigest !== undefined ? { emailDigest: body.emailDigest } : {}),
      ...(body.weeklyReport !== undefined ? { weeklyReport: body.weeklyReport } : {}),
    };
    if (Object.keys(settings).length > 0) {
      await tx
        .insert(notificationSettings)
        .values({ workspaceId: actor.workspaceId, userId, ...settings })
        .onConflictDoUpdate({
          target: [notificationSettings.workspaceId, notificationSettings.userId],
          set: settings,
        });
    }
    const entries = NOTIFICATION_KINDS.flatMap((kind) => {
      const delivery = body.kinds?.[kind];
      return delivery ? [{ workspaceId: actor.workspaceId, userId, kind, delivery }] : [];
    });
    for (const e of entries) {
      await tx
        .insert(notificationPreferences)
        .values(e)
        .onConflictDoUpdate({
          target: [
            notificationPreferences.workspaceId,
            notificationPreferences.userId,
            notificationPreferences.kind,
          ],
          set: { delivery: e.delivery },
        });
    }
  });
  return getPreferences(db, actor);
}
