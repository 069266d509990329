// Liking an inbox item from our account (issue 16, item 3): where a network allows it, and what
// the item's like columns say. The columns hold two things: what the team asked for
// (`likeRequestedAt` set: liked, null: not liked) and what the network has (`likedAt` set with
// the network's like id). The "inbox.like" job brings the second in line with the first.
import type { Network } from '@cadence/names';

/**
 * Why an item cannot be liked from Cadence: the network's API has no way to (Threads: its reply
 * management offers replies and hiding only), or Cadence does not like there yet (`not_read`, the
 * name it had when it meant "does not read conversations there": Instagram is read now, its likes
 * are not built).
 */
export type LikeUnsupportedReason = 'not_in_api' | 'not_read';

export const INBOX_LIKE_NETWORKS: ReadonlySet<Network> = new Set<Network>([
  'mastodon',
  'bluesky',
  'x',
  'facebook',
  'linkedin',
]);

export function likeUnsupportedReason(network: Network): LikeUnsupportedReason | null {
  if (INBOX_LIKE_NETWORKS.has(network)) return null;
  return network === 'threads' ? 'not_in_api' : 'not_read';
}

export const INBOX_LIKE_STATES = ['none', 'liking', 'liked', 'unliking', 'failed'] as const;
export type InboxLikeState = (typeof INBOX_LIKE_STATES)[number];

export interface LikeColumns {
  likeRequestedAt: Date | null;
  likedAt: Date | null;
  likeError: string | null;
}

export const likeWanted = (c: LikeColumns) => c.likeRequestedAt !== null;
export const likeOnNetwork = (c: LikeColumns) => c.likedAt !== null;

/** What the screen shows: the last attempt's failure first, then whether a job is on its way. */
export function likeStateOf(c: LikeColumns): InboxLikeState {
  if (c.likeError !== null) return 'failed';
  const wanted = likeWanted(c);
  if (wanted === likeOnNetwork(c)) return wanted ? 'liked' : 'none';
  return wanted ? 'liking' : 'unliking';
}
