import { z } from 'zod';

/** An X channel: OAuth 2.0 user-context tokens (2 hours, renewed with the rotating refresh token). */
export const xCredentialsSchema = z.object({
  accessToken: z.string().min(1).max(8192),
  refreshToken: z.string().max(8192).optional(),
  expiresAt: z.iso.datetime().optional(),
  userId: z.string().regex(/^\d{1,30}$/),
  username: z.string().min(1).max(50),
});

export const X_API = 'https://api.x.com';
export const X_WWW = 'https://x.com';
