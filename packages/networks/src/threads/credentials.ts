import { z } from 'zod';

/** A Threads profile connected with Threads Login (60-day, refreshable token). */
export const threadsCredentialsSchema = z.object({
  userId: z.string().regex(/^\d{1,40}$/),
  accessToken: z.string().min(1).max(8192),
  expiresAt: z.iso.datetime().optional(),
});

export const THREADS_GRAPH = 'https://graph.threads.net';
export const THREADS_WWW = 'https://threads.net';
export const THREADS_VERSION = 'v1.0';
