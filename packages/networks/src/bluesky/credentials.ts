import { z } from 'zod';

/** A Bluesky channel: the PDS, the handle (or DID) and an app password, never the main password. */
export const blueskyCredentialsSchema = z.object({
  service: z.url({ protocol: /^https?$/ }).default('https://bsky.social'),
  identifier: z.string().min(3).max(253),
  appPassword: z.string().min(1).max(200),
});
export type BlueskyCredentials = z.infer<typeof blueskyCredentialsSchema>;
