import { z } from 'zod';

/** A LinkedIn channel posts as a member (urn:li:person) or an organisation page (urn:li:organization). */
export const linkedinCredentialsSchema = z.object({
  accessToken: z.string().min(1).max(8192),
  refreshToken: z.string().max(8192).optional(),
  expiresAt: z.iso.datetime().optional(),
  author: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]{1,100}$/),
});

/** The Posts API is versioned by month; requests name the version they were written against. */
// LinkedIn keeps a version for at least a year: bump this when LinkedIn announces its sunset.
export const LINKEDIN_VERSION = '202510';
export const LINKEDIN_API = 'https://api.linkedin.com';
export const LINKEDIN_WWW = 'https://www.linkedin.com';
