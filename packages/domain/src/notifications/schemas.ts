// Browser-safe shapes of the notification routes.
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS } from '@cadence/names';
import { z } from 'zod';

export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export const notificationDeliverySchema = z.enum(NOTIFICATION_DELIVERIES);

export const notificationViewSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  actorName: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Where it leads in the web app (a path, e.g. /posts/{id}). */
  path: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationViewSchema),
  unread: z.number().int(),
});

export const notificationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const markReadSchema = z.strictObject({
  /** The notifications to mark read; omitted: all of mine in this workspace. */
  ids: z.array(z.uuid()).min(1).max(100).optional(),
});

export const preferencesSchema = z.strictObject({
  emailDigest: z.boolean(),
  /** A report of the last seven days by email every week (issue 17). */
  weeklyReport: z.boolean(),
  kinds: z.record(notificationKindSchema, notificationDeliverySchema),
});
export type NotificationPreferences = z.infer<typeof preferencesSchema>;

export const preferencesUpdateSchema = z.strictObject({
  emailDigest: z.boolean().optional(),
  weeklyReport: z.boolean().optional(),
  kinds: z.partialRecord(notificationKindSchema, notificationDeliverySchema).optional(),
});
