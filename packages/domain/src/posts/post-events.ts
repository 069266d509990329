import { type Executor, postEvents } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
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
}
