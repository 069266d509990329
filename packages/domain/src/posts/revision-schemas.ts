// The content of a post at one revision, as the API returns it. Browser-safe (zod only).
import { z } from 'zod';
import { networkSchema } from '../networks/schemas';
import { actorRefSchema, mediaRefViewSchema } from './schemas';

export const revisionTargetSchema = z.object({
  channelId: z.uuid(),
  network: networkSchema,
  /** Overrides; null means the post's own value at that revision. */
  text: z.string().nullable(),
  media: z.array(mediaRefViewSchema).nullable(),
  firstComment: z.string().nullable(),
});

export const postRevisionSchema = z.object({
  postId: z.uuid(),
  contentRevision: z.number().int(),
  text: z.string(),
  link: z.string().nullable(),
  firstComment: z.string().nullable(),
  media: z.array(mediaRefViewSchema),
  targets: z.array(revisionTargetSchema),
  createdAt: z.date(),
  createdBy: actorRefSchema,
});
export type PostRevisionView = z.infer<typeof postRevisionSchema>;
