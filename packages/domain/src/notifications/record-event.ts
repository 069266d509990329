import { type Executor, type NotificationParams, notificationEvents } from '@cadence/db';
import type { NotificationKind } from '@cadence/names';
import { laneOf } from './lanes';

export interface NotificationEventInput {
  workspaceId: string;
  kind: NotificationKind;
  postId?: string | null;
  channelId?: string | null;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  params?: NotificationParams;
  /** Periodic checks pass a key so the same situation is recorded once. */
  dedupeKey?: string;
}

/**
 * Records that something happened, in the caller's transaction: the outbox row commits or rolls
 * back with the change itself, and the fan-out task turns it into notifications shortly after.
 * Returns false when a keyed event was already recorded.
 */
export async function recordNotificationEvent(tx: Executor, input: NotificationEventInput): Promise<boolean> {
  return (await recordNotificationEvents(tx, [input])) > 0;
}

/** Many events in one statement (bulk steps); returns how many were recorded. */
export async function recordNotificationEvents(
  tx: Executor,
  inputs: readonly NotificationEventInput[],
): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows = await tx
    .insert(notificationEvents)
    .values(
      inputs.map((input) => ({
        workspaceId: input.workspaceId,
        kind: input.kind,
        postId: input.postId ?? null,
        channelId: input.channelId ?? null,
        actorUserId: input.actorUserId ?? null,
        subjectUserId: input.subjectUserId ?? null,
        params: input.params ?? {},
        dedupeKey: input.dedupeKey ?? null,
        publicationLane: laneOf(input.kind) === 'publications',
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notificationEvents.id });
  return rows.length;
}
