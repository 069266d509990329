import type { inboxItems } from '@cadence/db';
import { safeExternalUrl } from '../publishing/external-url';
import type { PastTargetCutoff } from './response-times';
import { hiddenOnNetwork, hideStateOf, hideUnsupportedReason } from './hide-rules';
import { likeOnNetwork, likeStateOf, likeUnsupportedReason } from './like-rules';
import { INBOX_READY_NETWORKS } from './rules';
import type { InboxItemView } from './schemas';

type Row = typeof inboxItems.$inferSelect;

/**
 * Past the first-response target: not done, not answered, not snoozed now, written at or before
 * the cutoff (the same test as `pastTargetSql` in list-inbox.ts).
 */
function isPastTarget(
  r: Pick<Row, 'status' | 'firstResponseAt' | 'createdAt' | 'snoozedUntil'>,
  late: PastTargetCutoff | null,
): boolean {
  return (
    late !== null &&
    r.status !== 'done' &&
    r.firstResponseAt === null &&
    (r.snoozedUntil === null || r.snoozedUntil.getTime() <= late.now.getTime()) &&
    r.createdAt.getTime() <= late.cutoff.getTime()
  );
}

/**
 * What leaves the server about an item; links checked again on the way out (http(s) only).
 * `late`: the workspace's first-response cutoff now (response-times.ts), null without target.
 */
export function toInboxItemView(r: Row, late: PastTargetCutoff | null): InboxItemView {
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
    firstResponseWorkingMinutes: r.firstResponseWorkingMinutes,
    resolutionWorkingMinutes: r.resolutionWorkingMinutes,
    pastTarget: isPastTarget(r, late),
    canReply: INBOX_READY_NETWORKS.has(r.network),
    like: { state: likeStateOf(r), error: r.likeError, onNetwork: likeOnNetwork(r) },
    likeUnsupported: likeUnsupportedReason(r.network),
    hide: { state: hideStateOf(r), error: r.hideError, onNetwork: hiddenOnNetwork(r) },
    hideUnsupported: hideUnsupportedReason(r),
  };
}
