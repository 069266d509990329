import { type Executor, postEvents } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { recordAudits } from '../audit/record-audit';
import { notificationKindOfPostEvent } from '../notifications/post-event-kinds';
import { recordNotificationEvents } from '../notifications/record-event';
import type { PostStatus } from './schemas';

export interface PostEvent {
  postId: string;
  action: string;
  from: PostStatus | null;
  to: PostStatus | null;
  comment?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

/**
 * The post's history (who, when, from, to, comment), written in the transaction of the change,
 * and mirrored in the workspace audit trail so "who approved this?" has one answer everywhere.
 * Workflow events people must hear about also leave a notification event in the same transaction.
 */
export async function recordPostEvent(tx: Executor, actor: Actor, event: PostEvent): Promise<void> {
  await recordPostEvents(tx, actor, [event]);
}

/** Many events by one actor, three statements whatever their number (bulk steps). */
export async function recordPostEvents(
  tx: Executor,
  actor: Actor,
  events: readonly PostEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(postEvents).values(
    events.map((event) => ({
      postId: event.postId,
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      action: event.action,
      fromStatus: event.from,
      toStatus: event.to,
      comment: event.comment ?? null,
      details: event.details ?? null,
    })),
  );
  await recordAudits(
    tx,
    actor,
    events.map((event) => ({
      action: `post.${event.action}`,
      entityType: 'post',
      entityId: event.postId,
      before: event.from ? { status: event.from } : null,
      after: { status: event.to, ...(event.details ?? {}) },
    })),
  );
  await recordNotificationEvents(
    tx,
    events.flatMap((event) => {
      const kind = notificationKindOfPostEvent(event);
      return kind
        ? [{ workspaceId: actor.workspaceId, kind, postId: event.postId, actorUserId: actor.userId }]
        : [];
    }),
  );
}
