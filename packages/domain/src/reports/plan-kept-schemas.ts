// The "Plan kept" report (issue 17): per ISO week in the workspace's timezone, what was planned
// and what became of it. Safe for the browser.
import { z } from 'zod';
import { NETWORKS } from '@cadence/names';

/** A year and a day: enough for "this year" in any zone, small enough to stay one quick query. */
export const PLAN_KEPT_MAX_DAYS = 366;
/** A target published within this many seconds of its instant counts as on time. */
export const ON_TIME_SECONDS = 60;

/** Why a target failed, grouped from its last error text: never the raw text itself. */
export const FAILURE_REASONS = [
  'rate_limited',
  'credentials',
  'refused',
  'network_error',
  'confirmed_not_sent',
  'other',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

const BOUND = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const boundSchema = z
  .string()
  .regex(BOUND, 'must be a date (2026-03-01) or an ISO date-time (2026-03-01T00:00:00+01:00)');

export const planKeptQuerySchema = z.strictObject({
  from: boundSchema,
  to: boundSchema,
  campaignId: z.uuid().optional(),
  channelId: z.uuid().optional(),
  network: z.enum(NETWORKS).optional(),
  /** A content pillar of the charter (posts keep the pillar's id). */
  pillarId: z.string().min(1).max(64).optional(),
  /** The member who wrote the post. */
  authorId: z.uuid().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type PlanKeptQuery = z.infer<typeof planKeptQuerySchema>;

export const planKeptWeekSchema = z.object({
  /** ISO week label, e.g. 2026-W09 (the week of the instant in the workspace's timezone). */
  week: z.string(),
  /** The local date of that week's Monday. */
  weekStart: z.string(),
  planned: z.number().int(),
  published: z.number().int(),
  failed: z.number().int(),
  missed: z.number().int(),
  cancelled: z.number().int(),
  /** Published within 60 s of the instant. */
  onTime: z.number().int(),
  /** onTime over the planned targets whose instant has passed; null when none has. */
  onTimeRate: z.number().nullable(),
  /**
   * Seconds from the instant to publication over published targets, to a bucket's precision: the
   * upper bound of the bucket holding the percentile (see delayBucketBoundsSeconds); null when none.
   */
  delayP50Seconds: z.number().nullable(),
  delayP90Seconds: z.number().nullable(),
  /** The buckets holding the median and the 90th percentile (0: early, 1: on time, last: open). */
  delayP50Bucket: z.number().int().nullable(),
  delayP90Bucket: z.number().int().nullable(),
});
export type PlanKeptWeek = z.infer<typeof planKeptWeekSchema>;

export const planKeptResponseSchema = z.object({
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  weeks: z.array(planKeptWeekSchema),
  /** Delays are counted in these buckets (upper bounds, seconds; the last bucket is open). */
  delayBucketBoundsSeconds: z.array(z.number()),
  failuresByReason: z.array(z.object({ reason: z.enum(FAILURE_REASONS), count: z.number().int() })),
});
export type PlanKeptReport = z.infer<typeof planKeptResponseSchema>;
