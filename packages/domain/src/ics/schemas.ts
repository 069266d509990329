// Request and response shapes of ICS feeds. Safe for the browser.
import { z } from 'zod';

export const icsFeedCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** Only this campaign's posts. */
  campaignId: z.uuid().nullable().optional(),
  /** Only this channel's posts. */
  channelId: z.uuid().nullable().optional(),
});
export type IcsFeedCreate = z.infer<typeof icsFeedCreateSchema>;

/** A feed as listed: never its token, only the prefix that tells feeds apart. */
export const icsFeedSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  campaignId: z.uuid().nullable(),
  channelId: z.uuid().nullable(),
  createdBy: z.object({ userId: z.uuid().nullable(), tokenId: z.uuid().nullable() }),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});
export type IcsFeedView = z.infer<typeof icsFeedSchema>;

/** The secret URL is shown in this response only. */
export const icsFeedCreatedSchema = icsFeedSchema.extend({ token: z.string(), url: z.string() });

/** "ics_<8 chars>_<43 chars>", base64url. */
export const ICS_TOKEN = /^ics_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/;
