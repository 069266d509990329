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
  /** Largest image file the network takes, in bytes. */
  imageMaxBytes?: number;
  /** Largest video file, in bytes, and longest video, in seconds. */
  videoMaxBytes?: number;
  videoMaxSeconds?: number;
  /** Accepted image shapes, as width / height (Instagram: 4:5 = 0.8 to 1.91:1). */
  imageAspect?: { min: number; max: number };
}

const MiB = 1024 * 1024;

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
    media: {
      required: false,
      maxItems: 4,
      kinds: ALL_KINDS,
      videoAlone: true,
      imageMaxBytes: 5 * MiB,
      videoMaxBytes: 512 * MiB,
      videoMaxSeconds: 140,
    },
  },
  bluesky: {
    network: 'bluesky',
    counting: 'graphemes',
    maxLength: 300,
    maxBytes: 3000,
    // app.bsky.embed.images: maxSize 1,000,000 bytes per image; app.bsky.embed.video: 100 MB, 3 min.
    media: {
      required: false,
      maxItems: 4,
      kinds: ALL_KINDS,
      videoAlone: true,
      imageMaxBytes: 1_000_000,
      videoMaxBytes: 100_000_000,
      videoMaxSeconds: 180,
    },
  },
  mastodon: {
    network: 'mastodon',
    counting: 'mastodon',
    maxLength: 500,
    // Mastodon's defaults (MediaAttachment IMAGE_LIMIT, VIDEO_LIMIT); an instance may set others.
    media: {
      required: false,
      maxItems: 4,
      kinds: ALL_KINDS,
      videoAlone: true,
      imageMaxBytes: 16 * MiB,
      videoMaxBytes: 99 * MiB,
    },
  },
  linkedin: {
    network: 'linkedin',
    counting: 'graphemes',
    maxLength: 3000,
    // Videos API: one video alone, up to 500 MB (images: no documented byte limit).
    media: { required: false, maxItems: 20, kinds: ALL_KINDS, videoAlone: true, videoMaxBytes: 500 * MiB },
  },
  facebook: {
    network: 'facebook',
    counting: 'graphemes',
    maxLength: 63206,
    // Page videos by file_url are Meta's non-resumable upload: up to 1 GB and 20 minutes.
    media: {
      required: false,
      maxItems: 10,
      kinds: ALL_KINDS,
      videoAlone: true,
      videoMaxBytes: 1_000_000_000,
      videoMaxSeconds: 20 * 60,
    },
  },
  instagram: {
    network: 'instagram',
    counting: 'graphemes',
    maxLength: 2200,
    maxHashtags: 30,
    maxMentions: 20,
    // A carousel may mix photos and videos; Instagram takes no GIF files.
    // Content Publishing API: JPEG up to 8 MB, aspect ratio within 4:5 to 1.91:1.
    media: {
      required: true,
      maxItems: 10,
      kinds: ['image', 'video'],
      videoAlone: false,
      imageMaxBytes: 8 * MiB,
      imageAspect: { min: 4 / 5, max: 1.91 },
    },
  },
  threads: {
    network: 'threads',
    counting: 'threads',
    maxLength: 500,
    maxLinks: 5,
    media: {
      required: false,
      maxItems: 10,
      kinds: ['image', 'video'],
      videoAlone: false,
      imageMaxBytes: 8 * MiB,
      videoMaxSeconds: 300,
    },
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
