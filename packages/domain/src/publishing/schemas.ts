// Request and response shapes of the publishing routes; safe to import from the browser.
import { MEDIA_KINDS, TARGET_STATUSES } from '@cadence/names';
import { z } from 'zod';
import { networkSchema } from '../networks/schemas';

export const confirmTargetSchema = z.strictObject({
  outcome: z.enum(['published', 'failed']),
  /** Where the post is, when a person found it. */
  externalUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  note: z.string().trim().min(1).max(500).optional(),
});
export type ConfirmTarget = z.infer<typeof confirmTargetSchema>;

export const targetViewSchema = z.object({
  id: z.uuid(),
  postId: z.uuid(),
  channelId: z.uuid(),
  network: networkSchema,
  status: z.enum(TARGET_STATUSES),
  scheduledAt: z.date().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const retryResultSchema = z.object({
  retried: z.array(z.object({ targetId: z.uuid(), channelId: z.uuid(), network: networkSchema })),
});

export const sandboxItemSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid().nullable(),
  postId: z.uuid().nullable(),
  text: z.string(),
  link: z.string().nullable(),
  media: z.array(z.object({ url: z.string(), alt: z.string(), kind: z.enum(MEDIA_KINDS) })),
  firstComment: z.string().nullable(),
  createdAt: z.date(),
});

export const publisherStatusSchema = z.object({
  /** running: a publisher beat recently; stalled: the last one stopped beating without saying so. */
  state: z.enum(['running', 'stalled', 'stopped', 'never_started']),
  /** When the current state began, when known (the last beat for "stalled"). */
  since: z.date().nullable(),
  lastBeatAt: z.date().nullable(),
  workers: z.number().int(),
  message: z.string(),
});
export type PublisherStatus = z.infer<typeof publisherStatusSchema>;

export const postDeliverySchema = z.object({
  postId: z.uuid(),
  postStatus: z.string(),
  targets: z.array(
    targetViewSchema.extend({
      history: z.array(
        z.object({
          attempt: z.number().int(),
          outcome: z.string(),
          detail: z.string().nullable(),
          at: z.date(),
        }),
      ),
    }),
  ),
});
