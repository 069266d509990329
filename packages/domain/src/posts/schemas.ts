// Request and response shapes of posts, shared by the API and the web app (no server imports).
// Every body is a strict object: unknown fields such as status, approvedBy or workspaceId are
// refused rather than ignored, so a client cannot assign what only the workflow may set.
import { POST_STATUSES, TARGET_STATUSES } from '@cadence/names';
import { z } from 'zod';
import { timezoneSchema } from '../accounts/schemas';
import { violationSchema } from '../charter/schemas';
import { versionNumberSchema } from '../storable';
import { isValidLocalTime } from '../time/local-time';
import { uniqueItems } from '../unique-items';
import { mediaKindSchema, networkSchema } from '../networks/schemas';

export { POST_STATUSES, TARGET_STATUSES };
export const postStatusSchema = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof postStatusSchema>;

export const targetStatusSchema = z.enum(TARGET_STATUSES);

// Bounds: the longest network text (Facebook, 63,206) is far beyond what a team writes; 25,000
// keeps bodies small while leaving every network's real limit to the charter checker.
export const LIMITS = {
  text: 25_000,
  firstComment: 5_000,
  alt: 1_500,
  media: 20,
  labels: 20,
  label: 50,
  targets: 20,
  url: 2_048,
  comment: 5_000,
} as const;

/** Where the web app shows a library item: the only URL that is not https, and only with its mediaId. */
export const libraryContentPath = (workspaceId: string, mediaId: string) =>
  `/api/v1/workspaces/${workspaceId}/media/${mediaId}/content`;
const LIBRARY_PATH = /^\/api\/v1\/workspaces\/[0-9a-f-]{36}\/media\/([0-9a-f-]{36})\/content$/;

/**
 * Media are referenced by an https URL the publisher fetches later (never plain http), or name a
 * library item (mediaId) whose bytes the publisher reads from the media store; its url is then the
 * item's path in the app, for showing it.
 */
export const mediaRefSchema = z
  .strictObject({
    url: z.union([
      z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(LIMITS.url),
      z.string().regex(LIBRARY_PATH),
    ]),
    alt: z.string().trim().max(LIMITS.alt).default(''),
    kind: mediaKindSchema,
    /** The media library item this attachment comes from (issue 14): where-used, deletion rules, checks. */
    mediaId: z.uuid().optional(),
  })
  .refine((ref) => !ref.url.startsWith('/') || ref.url.match(LIBRARY_PATH)?.[1] === ref.mediaId, {
    path: ['url'],
    message: 'A library path goes with the mediaId of the same item',
  });
export type MediaRefInput = z.infer<typeof mediaRefSchema>;

const mediaListSchema = z.array(mediaRefSchema).max(LIMITS.media);
const textSchema = z.string().max(LIMITS.text);
const firstCommentSchema = z.string().max(LIMITS.firstComment);
const linkSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(LIMITS.url);
const labelsSchema = z
  .array(z.string().trim().min(1).max(LIMITS.label))
  .max(LIMITS.labels)
  .superRefine(uniqueItems((label) => label, 'Labels are distinct'));

/** One channel the post goes to, optionally with its own text, media and first comment. */
export const targetInputSchema = z.strictObject({
  channelId: z.uuid(),
  text: textSchema.optional(),
  media: mediaListSchema.optional(),
  firstComment: firstCommentSchema.optional(),
});
export type TargetInput = z.infer<typeof targetInputSchema>;

const targetsSchema = z
  .array(targetInputSchema)
  .min(1)
  .max(LIMITS.targets)
  .superRefine(uniqueItems((t) => t.channelId, 'Each channel appears once', ['channelId']));

/** A wall-clock time in a zone ("2026-03-29T09:30" in Europe/Paris), resolved with DST rules. */
export const localScheduleSchema = z.strictObject({
  local: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/, 'A local date-time like 2026-03-29T09:30')
    .refine(isValidLocalTime, 'is not a date-time between the years 1900 and 9999'),
  /** IANA zone; the workspace's when absent. */
  timezone: timezoneSchema.optional(),
});

export const postCreateSchema = z.strictObject({
  text: textSchema.default(''),
  media: mediaListSchema.default([]),
  link: linkSchema.nullable().optional(),
  firstComment: firstCommentSchema.nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
  pillarId: z.string().min(1).max(64).nullable().optional(),
  labels: labelsSchema.default([]),
  targets: targetsSchema,
  /**
   * A requested time: kept on the post and applied when it is approved (or scheduled by a
   * manager). It does not schedule anything by itself.
   */
  requestedSchedule: localScheduleSchema.optional(),
});
export type PostCreate = z.input<typeof postCreateSchema>;

const versionSchema = versionNumberSchema;

export const postUpdateSchema = z.strictObject({
  /** The version read; the If-Match header may carry it instead. */
  version: versionSchema.optional(),
  text: textSchema.optional(),
  media: mediaListSchema.optional(),
  link: linkSchema.nullable().optional(),
  firstComment: firstCommentSchema.nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
  pillarId: z.string().min(1).max(64).nullable().optional(),
  labels: labelsSchema.optional(),
  /** Replaces the whole set of targets. */
  targets: targetsSchema.optional(),
  /**
   * The proposed time (null takes it away). Only before scheduling: a scheduled post moves with
   * reschedule. It changes no content, so approvals stand.
   */
  requestedSchedule: localScheduleSchema.nullable().optional(),
});
export type PostUpdate = z.infer<typeof postUpdateSchema>;

const commentSchema = z.string().trim().min(1).max(LIMITS.comment);

/** Transitions may name the version read; a stale one is refused with 409. */
export const transitionSchema = z.strictObject({
  version: versionSchema.optional(),
  comment: commentSchema.optional(),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

export const unscheduleSchema = transitionSchema.extend({
  /**
   * Back to draft instead of approved: undoing a draft dropped on the calendar puts it back as it
   * was, to be submitted like any draft before it can be scheduled again.
   */
  backToDraft: z.boolean().optional(),
});
export type UnscheduleInput = z.infer<typeof unscheduleSchema>;

export const approveSchema = z.strictObject({
  /** The content revision the manager read: approving something else is refused. */
  contentRevision: versionNumberSchema,
  version: versionSchema.optional(),
  comment: commentSchema.optional(),
});
export type ApproveInput = z.infer<typeof approveSchema>;

export const requestChangesSchema = z.strictObject({
  version: versionSchema.optional(),
  comment: commentSchema,
});
export type RequestChangesInput = z.infer<typeof requestChangesSchema>;

export const scheduleSchema = z
  .strictObject({
    version: versionSchema.optional(),
    local: localScheduleSchema.shape.local.optional(),
    timezone: localScheduleSchema.shape.timezone,
    publishNow: z.literal(true).optional(),
  })
  .refine((s) => (s.local === undefined) !== (s.publishNow === undefined), {
    message: 'Send either local (with an optional timezone) or publishNow: true',
    path: ['local'],
  });
export type ScheduleInput = z.infer<typeof scheduleSchema>;

export const commentCreateSchema = z.strictObject({ body: commentSchema });

export const mediaRefViewSchema = z.object({
  url: z.string(),
  alt: z.string(),
  kind: mediaKindSchema,
  mediaId: z.uuid().optional(),
});

export const targetViewSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  network: networkSchema,
  /** Overrides; null means the post's own value. */
  text: z.string().nullable(),
  media: z.array(mediaRefViewSchema).nullable(),
  firstComment: z.string().nullable(),
  status: targetStatusSchema,
  scheduledAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const actorRefSchema = z.object({ userId: z.uuid().nullable(), tokenId: z.uuid().nullable() });

export const approvalViewSchema = z.object({
  userId: z.uuid(),
  contentRevision: z.number().int(),
  charterVersionId: z.uuid().nullable(),
  createdAt: z.date(),
});

export const postScheduleViewSchema = z.object({
  at: z.date(),
  timezone: z.string(),
  local: z.string(),
});

export const postSummarySchema = z.object({
  id: z.uuid(),
  status: postStatusSchema,
  text: z.string(),
  media: z.array(mediaRefViewSchema),
  link: z.string().nullable(),
  firstComment: z.string().nullable(),
  campaignId: z.uuid().nullable(),
  pillarId: z.string().nullable(),
  labels: z.array(z.string()),
  author: actorRefSchema,
  /** Scheduled (or requested) time: the instant and the wall-clock time in the zone it was chosen in. */
  schedule: postScheduleViewSchema.nullable(),
  version: z.number().int(),
  contentRevision: z.number().int(),
  charterVersionId: z.uuid().nullable(),
  approvedAt: z.date().nullable(),
  violations: z.array(violationSchema),
  targets: z.array(targetViewSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PostSummary = z.infer<typeof postSummarySchema>;

/** A channel whose send limit makes a scheduled post wait behind others due at the same time. */
export const sendLimitWarningSchema = z.object({
  code: z.literal('send_limit_backlog'),
  channelId: z.uuid(),
  /** Targets due on the channel in the backlog this post joins, its own included. */
  posts: z.int(),
  /** From the start of this post's window (of the limit) until the last of them may leave. */
  seconds: z.int(),
  limit: z.object({ max: z.int(), perSeconds: z.int() }),
  message: z.string(),
});
export type SendLimitWarning = z.infer<typeof sendLimitWarningSchema>;

export const postSchema = postSummarySchema.extend({
  /** Approvals of the current content revision only: older ones count for nothing. */
  approvals: z.array(approvalViewSchema),
  approvalsRequired: z.number().int(),
  /** People who wrote part of the current content (author, revisers, token creators): they cannot approve it. */
  writerUserIds: z.array(z.uuid()),
  commentsCount: z.number().int(),
  /**
   * Answers to schedule and reschedule only: channels whose send limit makes this post wait behind
   * others due at the same time (the schedule is kept; this says how long they take to leave).
   */
  sendLimitWarnings: z.array(sendLimitWarningSchema).optional(),
});
export type PostView = z.infer<typeof postSchema>;

export const postCommentSchema = z.object({
  id: z.uuid(),
  author: actorRefSchema,
  body: z.string(),
  createdAt: z.date(),
});

export const postEventSchema = z.object({
  id: z.uuid(),
  action: z.string(),
  actor: actorRefSchema,
  fromStatus: postStatusSchema.nullable(),
  toStatus: postStatusSchema.nullable(),
  comment: z.string().nullable(),
  details: z.unknown().nullable(),
  createdAt: z.date(),
});

export const postListFilterSchema = z.strictObject({
  status: postStatusSchema.optional(),
  campaignId: z.uuid().optional(),
  channelId: z.uuid().optional(),
  authorUserId: z.uuid().optional(),
});
export type PostListFilter = z.infer<typeof postListFilterSchema>;
