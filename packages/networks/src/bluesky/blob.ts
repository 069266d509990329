// What uploadBlob answers, and how long Cadence trusts the PDS to keep a blob nobody references.
import { z } from 'zod';

export const blobRef = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string().min(1).max(200) }),
  mimeType: z.string().max(100),
  size: z.number().int().nonnegative(),
});

export const uploadAnswer = z.object({ blob: blobRef });

export const aspectRatio = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** Taken from uploadBlob's "(eg, minutes)", on the short side: a lost blob fails the post. */
export const BLOB_LIFETIME_MS = 15 * 60_000;
