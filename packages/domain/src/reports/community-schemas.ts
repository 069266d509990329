// The "Community" report (issue 17): what the inbox received, answered and closed, and how fast
// the first response came against the workspace's target. Safe for the browser.
import { z } from 'zod';

const share = z.number().nullable();
const minutes = z.number().nullable();

export const communityDaySchema = z.object({
  /** A calendar date in the workspace's timezone. */
  day: z.string(),
  /** Items that arrived that day. */
  received: z.number().int(),
  /** Of those, answered from Cadence (a first reply sent), whenever the reply went. */
  answered: z.number().int(),
  /** Of those, marked done. */
  done: z.number().int(),
});
export type CommunityDay = z.infer<typeof communityDaySchema>;

export const communityResponseSchema = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  /**
   * False when no channel in the filters has an inbox source (a network without one, or no
   * channel of it synced): then every figure is null and `days` is empty, never zeros.
   */
  synced: z.boolean(),
  /** The workspace's first-response target in working minutes; null: none set. */
  targetMinutes: z.number().int().nullable(),
  received: z.number().int().nullable(),
  /** Items with a reply sent from Cadence or marked done, over the items received. */
  answeredShare: share,
  /**
   * Working minutes to the first reply, over the items that got one, to a step (decision 0316):
   * the upper end of the nearest-rank item's step (turnaround-buckets.ts), 10,080 for over 7 days.
   */
  firstResponseP50Minutes: minutes,
  firstResponseP90Minutes: minutes,
  /** Items answered within the target, over the items answered; null without target or reply. */
  withinTargetShare: share,
  /** Items of the period still past the target now (the inbox's own "past target" test). */
  openPastTarget: z.number().int().nullable(),
  /** Items of the period snoozed now (not counted past target while snoozed). */
  snoozedNow: z.number().int().nullable(),
  days: z.array(communityDaySchema),
});
export type CommunityReport = z.infer<typeof communityResponseSchema>;
