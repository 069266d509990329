// Triage of one item: status (open / waiting / done), snooze, assignee. One transaction that
// locks the row, so two people changing the same item one after the other each see the other's
// change; an assignment tells the new assignee (the notifications outbox, in the same commit).
import { channels, type Db, inboxItems, memberships } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { roleAtLeast } from '../accounts/roles';
import { invalidField, notFound } from '../errors';
import { recordNotificationEvent } from '../notifications/record-event';
import { toInboxItemView } from './inbox-view';
import { lockInboxItem } from './item-access';
import { lateBefore, workingMinutesSince } from './response-times';
import { MAX_SNOOZE_MS } from './rules';
import type { InboxItemChange, InboxItemView } from './schemas';

export async function changeInboxItem(
  db: Db,
  actor: Actor,
  itemId: string,
  change: InboxItemChange,
  now: Date,
): Promise<InboxItemView> {
  let snoozedUntil: Date | null | undefined;
  if (change.snoozedUntil !== undefined) {
    snoozedUntil = change.snoozedUntil === null ? null : new Date(change.snoozedUntil);
    if (snoozedUntil && snoozedUntil.getTime() <= now.getTime())
      throw invalidField('body.snoozedUntil', 'must_be_future');
    if (snoozedUntil && snoozedUntil.getTime() - now.getTime() > MAX_SNOOZE_MS)
      throw invalidField('body.snoozedUntil', 'within_a_year');
  }
  if (change.assigneeUserId) {
    const [member] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, change.assigneeUserId)),
      );
    if (!member || !roleAtLeast(member.role, 'editor'))
      throw invalidField('body.assigneeUserId', 'not_an_answerer');
  }

  return db.transaction(async (tx) => {
    const before = await lockInboxItem(tx, actor, itemId);
    const status = change.status ?? before.status;
    // Done records when and how many working minutes it took; reopening forgets both (a
    // resolution time is for items that stay done).
    const resolving = status === 'done' && before.status !== 'done';
    const resolutionWorkingMinutes =
      status !== 'done'
        ? null
        : resolving
          ? await workingMinutesSince(tx, actor.workspaceId, before.createdAt, now)
          : before.resolutionWorkingMinutes;
    const [after] = await tx
      .update(inboxItems)
      .set({
        status,
        resolvedAt: status === 'done' ? (resolving ? now : before.resolvedAt) : null,
        resolutionWorkingMinutes,
        ...(snoozedUntil !== undefined ? { snoozedUntil } : {}),
        ...(change.assigneeUserId !== undefined ? { assigneeUserId: change.assigneeUserId } : {}),
        updatedAt: now,
      })
      .where(eq(inboxItems.id, itemId))
      .returning();
    if (!after) throw notFound('inbox_item');
    if (after.assigneeUserId && after.assigneeUserId !== before.assigneeUserId) {
      const [channel] = await tx
        .select({ name: channels.displayName })
        .from(channels)
        .where(eq(channels.id, after.channelId));
      await recordNotificationEvent(tx, {
        workspaceId: actor.workspaceId,
        kind: 'inbox_assigned',
        channelId: after.channelId,
        actorUserId: actor.personId ?? actor.userId,
        subjectUserId: after.assigneeUserId,
        params: { itemId: after.id, author: after.authorHandle, channel: channel?.name ?? null },
      });
    }
    return toInboxItemView(after, await lateBefore(tx, actor.workspaceId, now));
  });
}
