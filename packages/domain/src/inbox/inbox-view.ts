import type { inboxItems } from '@cadence/db';
import { safeExternalUrl } from '../publishing/external-url';
import { INBOX_READY_NETWORKS } from './rules';
import type { InboxItemView } from './schemas';

type Row = typeof inboxItems.$inferSelect;

/** What leaves the server about an item; links checked again on the way out (http(s) only). */
export function toInboxItemView(r: Row): InboxItemView {
  return {
    id: r.id,
    channelId: r.channelId,
    network: r.network,
    kind: r.kind,
    author: { handle: r.authorHandle, name: r.authorName, avatarUrl: safeExternalUrl(r.authorAvatarUrl) },
    text: r.text,
    language: r.language,
    createdAt: r.createdAt,
    link: safeExternalUrl(r.link),
    postId: r.postId,
    status: r.status,
    snoozedUntil: r.snoozedUntil,
    assigneeUserId: r.assigneeUserId,
    firstResponseAt: r.firstResponseAt,
    resolvedAt: r.resolvedAt,
    canReply: INBOX_READY_NETWORKS.has(r.network),
  };
}
