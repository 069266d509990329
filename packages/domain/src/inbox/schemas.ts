// Browser-safe shapes of the inbox routes (issue 16). Everything an item carries came from a
// stranger on a network: the web app renders it as text, and links are http(s) only.
import {
  INBOX_ITEM_KINDS,
  INBOX_ORDERS,
  INBOX_REPLY_STATUSES,
  INBOX_STATUSES,
  INBOX_UNAVAILABLE_REASONS,
  NETWORKS,
} from '@cadence/names';
import { z } from 'zod';
import { violationSchema } from '../charter/schemas';
import { HIDE_UNSUPPORTED_REASONS, INBOX_HIDE_STATES } from './hide-rules';
import { INBOX_LIKE_STATES } from './like-rules';

export const inboxStatusSchema = z.enum(INBOX_STATUSES);

export const inboxItemSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  network: z.enum(NETWORKS),
  kind: z.enum(INBOX_ITEM_KINDS),
  author: z.object({
    handle: z.string(),
    name: z.string().nullable(),
    /** http(s) only, or null. */
    avatarUrl: z.string().nullable(),
  }),
  text: z.string(),
  language: z.string().nullable(),
  /** When the author wrote it. */
  createdAt: z.date(),
  /** The message on the network, http(s) only, or null. */
  link: z.string().nullable(),
  /** Our post the thread answers, when it is one of ours. */
  postId: z.uuid().nullable(),
  status: inboxStatusSchema,
  snoozedUntil: z.date().nullable(),
  assigneeUserId: z.uuid().nullable(),
  firstResponseAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  /** Working minutes (the workspace's days and hours) to the first response and to done. */
  firstResponseWorkingMinutes: z.number().int().nullable(),
  resolutionWorkingMinutes: z.number().int().nullable(),
  /** Not done, not answered, and older than the workspace's first-response target. */
  pastTarget: z.boolean(),
  /** Cadence can answer it from here (the network's adapter replies). */
  canReply: z.boolean(),
  /**
   * Our like: none, liking / unliking (the job is on its way), liked, or failed with the network's
   * reason (`error`, its words). `onNetwork`: our like is on the network now (what a failed
   * unlike leaves, or a failed like does not).
   */
  like: z.object({
    state: z.enum(INBOX_LIKE_STATES),
    error: z.string().nullable(),
    onNetwork: z.boolean(),
  }),
  /** Null when it can be liked from Cadence; otherwise why not (not_in_api; not_read: not built yet). */
  likeUnsupported: z.enum(['not_in_api', 'not_read']).nullable(),
  /**
   * Hidden from others under our post: visible, hiding / showing (the job is on its way), hidden,
   * or failed with the network's reason (`error`, its words). `onNetwork`: hidden there now.
   */
  hide: z.object({
    state: z.enum(INBOX_HIDE_STATES),
    error: z.string().nullable(),
    onNetwork: z.boolean(),
  }),
  /**
   * Null when it can be hidden from Cadence; otherwise why not: not_in_api (the network cannot
   * hide what others say: Mastodon), not_read (Cadence does not hide there yet), not_our_post
   * (not a reply under one of our posts), nested_reply (Threads hides only replies made directly
   * under our post).
   */
  hideUnsupported: z.enum(HIDE_UNSUPPORTED_REASONS).nullable(),
});
export type InboxItemView = z.infer<typeof inboxItemSchema>;

const yesNo = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const inboxListQuerySchema = z.strictObject({
  channelId: z.uuid().optional(),
  network: z.enum(NETWORKS).optional(),
  campaignId: z.uuid().optional(),
  postId: z.uuid().optional(),
  status: inboxStatusSchema.optional(),
  /** A member's id, `me`, or `none` (unassigned). */
  assignee: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
  /** true: only items snoozed now; false: only items not snoozed now; absent: both. */
  snoozed: yesNo,
  /** true: only items past the first-response target (none when the workspace sets no target). */
  pastTarget: yesNo,
  /** newest: newest first. oldest_waiting: open and waiting items, the longest-waiting first. */
  order: z.enum(INBOX_ORDERS).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type InboxListQuery = z.infer<typeof inboxListQuerySchema>;

export const inboxListSchema = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.string().nullable(),
});

export const inboxCountsSchema = z.object({
  /** Open and not snoozed: the badge. */
  open: z.number().int(),
  waiting: z.number().int(),
  snoozed: z.number().int(),
  /** Not done, not answered, older than the first-response target (0 without a target). */
  pastTarget: z.number().int(),
});

export const inboxItemChangeSchema = z
  .strictObject({
    status: inboxStatusSchema.optional(),
    /** An instant in the future (ISO 8601), or null to wake it now. */
    snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
    /** A member of the workspace (editor or above), or null to unassign. */
    assigneeUserId: z.uuid().nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Give status, snoozedUntil or assigneeUserId' });
export type InboxItemChange = z.infer<typeof inboxItemChangeSchema>;

export const inboxNoteInputSchema = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const inboxNoteSchema = z.object({
  id: z.uuid(),
  authorUserId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.date(),
});

export const inboxReplyInputSchema = z.strictObject({ text: z.string().min(1).max(5000) });

export const inboxReplySchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  authorUserId: z.uuid().nullable(),
  text: z.string(),
  status: z.enum(INBOX_REPLY_STATUSES),
  /** Why it failed, as the network said it (text). */
  lastError: z.string().nullable(),
  externalUrl: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  /** Reply approval: who approved or sent it back, when, and the comment sent back with it. */
  reviewedByUserId: z.uuid().nullable(),
  reviewedAt: z.date().nullable(),
  reviewComment: z.string().nullable(),
});
export type InboxReplyView = z.infer<typeof inboxReplySchema>;

/** A reply just recorded, with the charter's warnings (blocking findings refuse it with 422). */
export const inboxReplyCreatedSchema = inboxReplySchema.extend({ warnings: z.array(violationSchema) });

export const inboxReplyReturnSchema = z.strictObject({
  /** Why it goes back: shown to the author (required). */
  comment: z.string().trim().min(1).max(2000),
});

export const inboxPendingRepliesSchema = z.object({
  items: z.array(
    inboxReplySchema.extend({
      authorName: z.string().nullable(),
      item: z.object({
        id: z.uuid(),
        network: z.enum(NETWORKS),
        authorHandle: z.string(),
        text: z.string(),
      }),
    }),
  ),
});

export const inboxConversationSchema = z.object({
  item: inboxItemSchema,
  /** The thread as synced, oldest first (at most 200 messages). */
  thread: z.array(inboxItemSchema),
  /** Our post the thread starts at, when it is one of ours. */
  post: z
    .object({
      id: z.uuid(),
      text: z.string(),
      externalUrl: z.string().nullable(),
      publishedAt: z.date().nullable(),
    })
    .nullable(),
  /** Replies sent (or being sent) from Cadence in this thread, oldest first. */
  replies: z.array(inboxReplySchema),
  notes: z.array(inboxNoteSchema),
});

export const inboxSyncInputSchema = z.strictObject({
  /** One channel; omitted: every channel of the workspace the inbox reads. */
  channelId: z.uuid().optional(),
});

/** What leaving a channel does to its synced conversations (decision 0271). */
export const inboxRemovalSchema = z.object({
  items: z.number().int().describe('Inbox items the channel had'),
  removal: z
    .enum(['done', 'queued'])
    .describe('done: removed in the same commit; queued: removed in chunks by a background job, shortly'),
});

export const channelInboxCountSchema = z.object({
  channelId: z.uuid(),
  items: z
    .number()
    .int()
    .describe('Inbox items synced from this channel: what a disconnect or a removal deletes'),
  unavailable: z
    .enum(INBOX_UNAVAILABLE_REASONS)
    .nullable()
    .describe(
      "Why the network will not let this channel's inbox be read (x_paid_tier: X reads mentions only on a paid API plan), or null",
    ),
});
