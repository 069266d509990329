// The "Workflow" report (issue 17): how long approval takes and how many rounds of changes posts
// go through. Safe for the browser.
import { z } from 'zod';

/** Rounds of changes are counted 0, 1, 2 and "3 or more". */
export const ROUNDS_CAP = 3;

const seconds = z.number().nullable();

export const workflowWeekSchema = z.object({
  week: z.string(),
  weekStart: z.string(),
  /** Approvals (the post reached "approved") in that week. */
  approvals: z.number().int(),
  turnaroundP50Seconds: seconds,
  turnaroundP90Seconds: seconds,
});
export type WorkflowWeek = z.infer<typeof workflowWeekSchema>;

export const workflowResponseSchema = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  approvals: z.number().int(),
  /**
   * From the last submission before an approval to that approval, over the period: the upper bound
   * of the step holding the percentile (turnaround-buckets.ts; over 7 days reads as 7 days).
   */
  turnaroundP50Seconds: seconds,
  turnaroundP90Seconds: seconds,
  /** Posts first submitted for review in the period (their rounds are all the changes requested since). */
  postsReviewed: z.number().int(),
  /** Mean rounds of changes requested per reviewed post; null when none was reviewed. */
  meanRounds: z.number().nullable(),
  weeks: z.array(workflowWeekSchema),
  /** How many reviewed posts had 0, 1, 2 or 3+ rounds of changes (`rounds` 3 means 3 or more). */
  rounds: z.array(z.object({ rounds: z.number().int(), posts: z.number().int() })),
});
export type WorkflowReport = z.infer<typeof workflowResponseSchema>;
