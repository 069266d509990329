// "Best time to post, from the team's own history" (issue 17): engagement per published target by
// weekday and hour in the workspace's timezone, with the number of posts behind each cell. Safe
// for the browser.
import { z } from 'zod';

/** A cell needs this many measured posts before it is suggested: fewer is chance, not a pattern. */
export const BEST_TIME_MIN_POSTS = 5;
/** Cells suggested at most. */
export const BEST_TIME_SUGGESTIONS = 3;

export const bestTimeCellSchema = z.object({
  /** ISO weekday: 1 Monday ... 7 Sunday. */
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  /** Measured posts (published targets with figures) published in that hour. */
  posts: z.number().int(),
  engagementPerPost: z.number(),
});
export type BestTimeCell = z.infer<typeof bestTimeCellSchema>;

export const bestTimeResponseSchema = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  minPosts: z.number().int(),
  /** Only cells with at least one post. */
  cells: z.array(bestTimeCellSchema),
  /** The best cells among those with at least `minPosts` posts; empty when the sample is too small. */
  suggestions: z.array(bestTimeCellSchema),
});
export type BestTimeReport = z.infer<typeof bestTimeResponseSchema>;
