import { z } from 'zod';

/** What a Mastodon channel keeps, sealed: the instance and a user token for Cadence's app there. */
export const mastodonCredentialsSchema = z.object({
  instanceUrl: z.url({ protocol: /^https?$/ }),
  accessToken: z.string().min(1).max(4096),
  /** The app registered on the instance; needed to revoke the token. */
  clientId: z.string().max(4096).optional(),
  clientSecret: z.string().max(4096).optional(),
});

/** Per-post options a Mastodon target may carry (PublishRequest.options). */
export const mastodonOptionsSchema = z
  .object({
    visibility: z.enum(['public', 'unlisted', 'private', 'direct']).default('public'),
    /** Mastodon's content warning: the text hides behind it. */
    spoilerText: z.string().max(500).optional(),
    sensitive: z.boolean().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional(),
  })
  .default({ visibility: 'public' });

// read:notifications and read:statuses feed the inbox (issue 16); channels connected before it need reconnecting to have them.
export const mastodonScopes = [
  'read:accounts',
  'read:notifications',
  'read:statuses',
  'write:statuses',
  'write:media',
];
