import { MEDIA_KINDS } from '@cadence/names';
import type { MediaKind, Network } from './schemas';

/**
 * How a network measures text. Each is implemented in count-text.ts; see
 * docs/decisions/0010-text-counting.md for the sources.
 */
export type TextCounting =
  /** X: code points weighted 1 or 2 (config v3), emoji 2, every URL 23. */
  | 'x-weighted'
  /** Mastodon: graphemes, URLs with a scheme count 23, @user@domain counts as @user. */
  | 'mastodon'
  /** Threads: graphemes, but an emoji counts as its UTF-8 byte length. */
  | 'threads'
  /** Everything else: grapheme clusters, as a person sees them. */
  | 'graphemes';

export interface MediaLimits {
  /** The network refuses a post without at least one attachment. */
  required: boolean;
  maxItems: number;
  kinds: readonly MediaKind[];
  /** A video or GIF must be the only attachment (no mixing with images). */
  videoAlone: boolean;
}

export interface NetworkLimits {
  network: Network;
  counting: TextCounting;
  maxLength: number;
  /** Bluesky also caps the UTF-8 size of the text record. */
  maxBytes?: number;
  maxHashtags?: number;
  maxMentions?: number;
  /** Distinct links in the text. */
  maxLinks?: number;
  media: MediaLimits;
}

const ALL_KINDS: readonly MediaKind[] = MEDIA_KINDS;

// Figures come from each network's own documentation (links in the decision record). They are
// hard limits: exceeding one makes the network reject the post, so the checker always blocks.
const LIMITS: Record<Network, NetworkLimits> = {
  x: {
    network: 'x',
    counting: 'x-weighted',
    maxLength: 280,
    media: { required: false, maxItems: 4, kinds: ALL_KINDS, videoAlone: true },
  },
  bluesky: {
    network: 'bluesky',
    counting: 'graphemes',
    maxLength: 300,
    maxBytes: 3000,
    media: { required: false, maxItems: 4, kinds: ALL_KINDS, videoAlone: true },
  },
  mastodon: {
    network: 'mastodon',
    counting: 'mastodon',
    maxLength: 500,
    media: { required: false, maxItems: 4, kinds: ALL_KINDS, videoAlone: true },
  },
  linkedin: {
    network: 'linkedin',
    counting: 'graphemes',
    maxLength: 3000,
    media: { required: false, maxItems: 20, kinds: ALL_KINDS, videoAlone: true },
  },
  facebook: {
    network: 'facebook',
    counting: 'graphemes',
    maxLength: 63206,
    media: { required: false, maxItems: 10, kinds: ALL_KINDS, videoAlone: true },
  },
  instagram: {
    network: 'instagram',
    counting: 'graphemes',
    maxLength: 2200,
    maxHashtags: 30,
    maxMentions: 20,
    // A carousel may mix photos and videos; Instagram takes no GIF files.
    media: { required: true, maxItems: 10, kinds: ['image', 'video'], videoAlone: false },
  },
  threads: {
    network: 'threads',
    counting: 'threads',
    maxLength: 500,
    maxLinks: 5,
    media: { required: false, maxItems: 10, kinds: ['image', 'video'], videoAlone: false },
  },
  webhook: {
    network: 'webhook',
    counting: 'graphemes',
    maxLength: 10000,
    media: { required: false, maxItems: 20, kinds: ALL_KINDS, videoAlone: false },
  },
  sandbox: {
    network: 'sandbox',
    counting: 'graphemes',
    maxLength: 10000,
    media: { required: false, maxItems: 20, kinds: ALL_KINDS, videoAlone: false },
  },
};

export function networkLimits(network: Network): NetworkLimits {
  return LIMITS[network];
}
