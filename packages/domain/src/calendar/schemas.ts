// The calendar query's parameters and what it returns for each target, shaped for FullCalendar.
// Safe for the browser.
import { z } from 'zod';
import { POST_STATUSES, TARGET_STATUSES } from '../posts/schemas';

/** A month view shows six weeks; two months plus slack is plenty and keeps each answer small. */
export const MAX_RANGE_DAYS = 62;
/** More targets than this in one range is not a calendar a person reads: the answer says it was cut. */
export const MAX_EVENTS = 5_000;

// A date (start of that day in the workspace zone), a local date-time (in the workspace zone) or
// an instant with an offset: the three forms FullCalendar sends depending on its timeZone setting.
const BOUND = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const boundSchema = z
  .string()
  .regex(BOUND, 'must be a date (2026-03-01) or an ISO date-time (2026-03-01T00:00:00+01:00)');

/** One value, several repeated (?channel=a&channel=b), or comma-separated (?channel=a,b). */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(item).min(1).max(50));

export const calendarQuerySchema = z.strictObject({
  from: boundSchema,
  to: boundSchema,
  channel: listOf(z.uuid()).optional(),
  campaign: listOf(z.uuid()).optional(),
  status: listOf(z.enum(POST_STATUSES)).optional(),
  /** The author's user id (or API token id). */
  author: listOf(z.uuid()).optional(),
  pillar: listOf(z.string().min(1).max(64)).optional(),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const calendarEventSchema = z.object({
  /** The target's id: one event per post x channel. */
  id: z.uuid(),
  postId: z.uuid(),
  /** The first line of the target's text (its own text if it overrides the post's). */
  title: z.string(),
  /** ISO instant in UTC. */
  start: z.string(),
  network: z.string(),
  channelId: z.uuid(),
  channelName: z.string(),
  /** The post's workflow status. */
  status: z.enum(POST_STATUSES),
  /** This target's publishing status. */
  targetStatus: z.enum(TARGET_STATUSES),
  campaignId: z.uuid().nullable(),
  campaignName: z.string().nullable(),
  campaignColour: z.string().nullable(),
  pillarId: z.string().nullable(),
  authorUserId: z.uuid().nullable(),
  authorTokenId: z.uuid().nullable(),
  authorName: z.string().nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const calendarChannelSchema = z.object({
  targetId: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  network: z.string(),
  /** This channel's publishing status (pending while the time is only proposed). */
  targetStatus: z.enum(TARGET_STATUSES),
});

/** One dated post: the calendar shows one card per post, its channels stacked on it. */
export const calendarPostSchema = z.object({
  /** The post's id (the card's id). */
  id: z.uuid(),
  /** The first line of the post's text, at most 200 characters. */
  title: z.string(),
  /** ISO instant in UTC: the scheduled time, or the proposed one before scheduling. */
  start: z.string(),
  /** The post's workflow status. */
  status: z.enum(POST_STATUSES),
  /** True when the time is only proposed (draft, in review, changes requested, approved). */
  proposed: z.boolean(),
  /** The version to send with an action taken from the card. */
  version: z.number().int(),
  campaignId: z.uuid().nullable(),
  campaignName: z.string().nullable(),
  campaignColour: z.string().nullable(),
  pillarId: z.string().nullable(),
  authorUserId: z.uuid().nullable(),
  authorTokenId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  channels: z.array(calendarChannelSchema),
});
export type CalendarPost = z.infer<typeof calendarPostSchema>;

export const calendarResponseSchema = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  /** True when the range held more than MAX_EVENTS posts and only the first ones are listed. */
  truncated: z.boolean(),
  items: z.array(calendarPostSchema),
});
