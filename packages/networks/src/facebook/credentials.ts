import { z } from 'zod';
import { graphId } from '../meta/graph';

/** A Facebook Page channel: the page and its token (from a long-lived user token, so it does not expire). */
export const facebookCredentialsSchema = z.object({
  pageId: graphId,
  pageAccessToken: z.string().min(1).max(8192),
  /** Kept only to revoke Cadence's permissions when the channel is disconnected. */
  userAccessToken: z.string().max(8192).optional(),
});

export const GRAPH_VERSION = 'v21.0';
export const FACEBOOK_GRAPH = 'https://graph.facebook.com';
export const FACEBOOK_WWW = 'https://www.facebook.com';
