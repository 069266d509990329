import { type Executor, postEvents } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { notificationKindOfPostEvent } from '../notifications/post-event-kinds';
import { recordNotificationEvent } from '../notifications/record-event';
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
  await tx.insert(postEvents).values({
    postId: event.postId,
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
    action: event.action,
    fromStatus: event.from,
    toStatus: event.to,
    comment: event.comment ?? null,
    details: event.details ?? null,
  });
  await recordAudit(tx, actor, {
    action: `post.${event.action}`,
    entityType: 'post',
    entityId: event.postId,
    before: event.from ? { status: event.from } : null,
    after: { status: event.to, ...(event.details ?? {}) },
  });
  const kind = notificationKindOfPostEvent(event);
  if (kind) {
    await recordNotificationEvent(tx, {
      workspaceId: actor.workspaceId,
      kind,
      postId: event.postId,
      actorUserId: actor.userId,
    });
  }
}
