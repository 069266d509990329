import { z } from 'zod';

// Order matters only for display; the API and the web app share this list.
export const NETWORKS = [
  'mastodon',
  'bluesky',
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'threads',
  'webhook',
  'sandbox',
] as const;

export const networkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof networkSchema>;

export const MEDIA_KINDS = ['image', 'video', 'gif'] as const;
export const mediaKindSchema = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof mediaKindSchema>;
