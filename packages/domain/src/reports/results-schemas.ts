// The "Results" report (issue 17): engagement pulled back from the networks, per network,
// campaign and post, and follower growth. Safe for the browser. A figure no target of a row has is
// null ("not available"), never 0; engagement is replies + reposts + likes + quotes, over the
// targets that have figures ("measured").
import { z } from 'zod';
import { NETWORKS } from '@cadence/names';

/** Rows in the top and bottom lists; campaigns and channels shown at most. */
export const RESULTS_TOP = 5;
export const RESULTS_MAX_ROWS = 100;

const figure = z.number().nullable();

export const resultsNetworkSchema = z.object({
  network: z.enum(NETWORKS),
  /** Published targets in the period. */
  targets: z.number().int(),
  /** Of those, targets with at least one figure. */
  measured: z.number().int(),
  replies: figure,
  reposts: figure,
  likes: figure,
  quotes: figure,
  engagement: figure,
  /** Engagement per measured target. */
  engagementPerPost: figure,
});

export const resultsCampaignSchema = z.object({
  campaignId: z.string().nullable(),
  name: z.string().nullable(),
  targets: z.number().int(),
  measured: z.number().int(),
  engagement: figure,
  engagementPerPost: figure,
});

export const resultsPostSchema = z.object({
  postId: z.string(),
  /** The first 80 characters of the post's text. */
  excerpt: z.string(),
  scheduledAt: z.string().nullable(),
  networks: z.array(z.enum(NETWORKS)),
  engagement: z.number(),
});

export const resultsFollowersSchema = z.object({
  channelId: z.string(),
  channel: z.string(),
  network: z.enum(NETWORKS),
  first: figure,
  last: figure,
  change: figure,
});

export const resultsResponseSchema = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  networks: z.array(resultsNetworkSchema),
  campaigns: z.array(resultsCampaignSchema),
  top: z.array(resultsPostSchema),
  bottom: z.array(resultsPostSchema),
  followers: z.array(resultsFollowersSchema),
});
export type ResultsReport = z.infer<typeof resultsResponseSchema>;
