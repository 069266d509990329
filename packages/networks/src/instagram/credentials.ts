import { z } from 'zod';

/** An Instagram professional account connected with Instagram Login (60-day, refreshable token). */
export const instagramCredentialsSchema = z.object({
  igUserId: z.string().regex(/^\d{1,40}$/),
  accessToken: z.string().min(1).max(8192),
  expiresAt: z.iso.datetime().optional(),
});

export const INSTAGRAM_GRAPH = 'https://graph.instagram.com';
export const INSTAGRAM_API = 'https://api.instagram.com';
export const INSTAGRAM_WWW = 'https://www.instagram.com';
export const INSTAGRAM_VERSION = 'v21.0';
