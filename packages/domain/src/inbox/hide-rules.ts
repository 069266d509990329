// Hiding an inbox item from others under one of our posts (issue 16), where the network allows
// it, and what the item's hide columns say. Like the like (like-rules.ts), the columns hold what
// the team asked for (`hideRequestedAt` set: hidden, null: shown) and what the network has
// (`hiddenAt` set: hidden there); the "inbox.hide" job brings the second in line with the first.
import type { InboxItemKind, Network } from '@cadence/names';

/**
 * Networks whose adapter can hide (`inbox.hide` present). A test in packages/networks checks this
 * list against the adapters, so the API never offers what the job cannot do.
 */
export const INBOX_HIDE_NETWORKS: ReadonlySet<Network> = new Set<Network>([
  'bluesky',
  'facebook',
  'instagram',
  'threads',
  'x',
]);

/**
 * Why an item cannot be hidden from Cadence: the network has no way to hide what others say
 * (Mastodon, LinkedIn), Cadence does not hide there yet, or the item is not a reply under one of our posts
 * (a network hides replies under the author's own post only: a mention or a quote stays theirs).
 */
export const HIDE_UNSUPPORTED_REASONS = ['not_in_api', 'not_read', 'not_our_post', 'nested_reply'] as const;
export type HideUnsupportedReason = (typeof HIDE_UNSUPPORTED_REASONS)[number];

// LinkedIn's Community Management API can delete our own comments but hide none (decision 0299).
const NO_HIDING: ReadonlySet<Network> = new Set<Network>(['mastodon', 'linkedin']);
const UNDER_A_POST: ReadonlySet<InboxItemKind> = new Set<InboxItemKind>(['reply', 'comment']);
/**
 * Networks that hide only replies made directly under our post (`nested_reply` otherwise): Threads'
 * manage_reply takes top-level replies, and hiding one hides the replies under it.
 */
const TOP_LEVEL_ONLY: ReadonlySet<Network> = new Set<Network>(['threads']);

export function hideUnsupportedReason(item: {
  network: Network;
  kind: InboxItemKind;
  postId: string | null;
  parentExternalId?: string | null;
  threadRootExternalId?: string | null;
}): HideUnsupportedReason | null {
  if (!INBOX_HIDE_NETWORKS.has(item.network)) return NO_HIDING.has(item.network) ? 'not_in_api' : 'not_read';
  if (item.postId === null || !UNDER_A_POST.has(item.kind)) return 'not_our_post';
  const nested =
    TOP_LEVEL_ONLY.has(item.network) &&
    (item.parentExternalId ?? null) !== null &&
    item.parentExternalId !== item.threadRootExternalId;
  return nested ? 'nested_reply' : null;
}

export const INBOX_HIDE_STATES = ['visible', 'hiding', 'hidden', 'showing', 'failed'] as const;
export type InboxHideState = (typeof INBOX_HIDE_STATES)[number];

export interface HideColumns {
  hideRequestedAt: Date | null;
  hiddenAt: Date | null;
  hideError: string | null;
}

export const hideWanted = (c: HideColumns) => c.hideRequestedAt !== null;
export const hiddenOnNetwork = (c: HideColumns) => c.hiddenAt !== null;

/** What the screen shows: the last attempt's failure first, then whether a job is on its way. */
export function hideStateOf(c: HideColumns): InboxHideState {
  if (c.hideError !== null) return 'failed';
  const wanted = hideWanted(c);
  if (wanted === hiddenOnNetwork(c)) return wanted ? 'hidden' : 'visible';
  return wanted ? 'hiding' : 'showing';
}
