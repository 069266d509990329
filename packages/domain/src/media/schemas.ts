// The media library's shapes, shared by the API and the web app (browser-safe).
import { LOCALES, MEDIA_KINDS } from '@cadence/names';
import { z } from 'zod';

export const MEDIA_LIMITS = { alt: 1_500, tags: 20, tag: 40, name: 255 } as const;

export const mediaAltSchema = z.partialRecord(z.enum(LOCALES), z.string().trim().max(MEDIA_LIMITS.alt));
const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(MEDIA_LIMITS.tag)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused in tags
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

export const mediaItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(MEDIA_KINDS),
  contentType: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  codec: z.string().nullable(),
  hasThumbnail: z.boolean(),
  alt: mediaAltSchema,
  tags: z.array(z.string()),
  kept: z.boolean(),
  derivedFromId: z.uuid().nullable(),
  uploadedBy: z.uuid().nullable(),
  createdAt: z.date(),
  /** Posts that use the item (at most 20 listed), and how many in all. */
  usedIn: z.object({
    count: z.number().int(),
    posts: z.array(z.object({ id: z.uuid(), status: z.string() })),
  }),
});
export type MediaItemView = z.infer<typeof mediaItemSchema>;

export const mediaUpdateSchema = z.strictObject({
  alt: mediaAltSchema.optional(),
  tags: z.array(tagSchema).max(MEDIA_LIMITS.tags).optional(),
});
export type MediaUpdate = z.infer<typeof mediaUpdateSchema>;

export const mediaListFilterSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(MEDIA_KINDS).optional(),
  tag: z.string().trim().max(MEDIA_LIMITS.tag).optional(),
});
