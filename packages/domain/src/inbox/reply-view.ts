import type { inboxReplies } from '@cadence/db';
import { safeExternalUrl } from '../publishing/external-url';
import type { InboxReplyView } from './schemas';

export function toInboxReplyView(r: typeof inboxReplies.$inferSelect): InboxReplyView {
  return {
    id: r.id,
    itemId: r.itemId,
    authorUserId: r.authorUserId,
    text: r.text,
    status: r.status,
    lastError: r.lastError,
    externalUrl: safeExternalUrl(r.externalUrl),
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    reviewedByUserId: r.reviewedByUserId,
    reviewedAt: r.reviewedAt,
    reviewComment: r.reviewComment,
  };
}
