// Posts are written once and targeted at channels. A post carries the editorial workflow status;
// each target (post x channel) carries its own publishing status, the publisher's ledger.
import { instant } from './columns';
import { POST_STATUSES, TARGET_STATUSES } from '@cadence/names';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apiTokens, users, workspaces } from './accounts';
import { campaigns } from './campaigns';
import { channels, networkEnum } from './channels';
import { charterVersions } from './charter';

export const postStatusEnum = pgEnum('post_status', POST_STATUSES);

/** The publishing ledger of one target (states explained in @cadence/names). */
export const targetStatusEnum = pgEnum('target_status', TARGET_STATUSES);

export interface MediaRef {
  url: string;
  alt: string;
  kind: 'image' | 'video' | 'gif';
  /** The media library item, when the media comes from the library (issue 14). */
  mediaId?: string;
}

const ts = (name: string) => instant(name);

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorTokenId: uuid('author_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
    status: postStatusEnum('status').notNull().default('draft'),
    text: text('text').notNull().default(''),
    link: text('link'),
    firstComment: text('first_comment'),
    media: jsonb('media').$type<MediaRef[]>().notNull().default([]),
    labels: jsonb('labels').$type<string[]>().notNull().default([]),
    // A campaign with posts cannot be deleted (it is archived instead): the key keeps that true.
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    pillarId: text('pillar_id'),
    /** The instant to publish, and the zone + wall-clock time it was chosen in (kept across DST). */
    scheduledAt: ts('scheduled_at'),
    scheduledTimezone: text('scheduled_timezone'),
    scheduledLocal: text('scheduled_local'),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    /** Bumped when text, media, link, first comment or targets change: approvals bind to it. */
    contentRevision: integer('content_revision').notNull().default(1),
    /** The charter version the post was last approved under. */
    charterVersionId: uuid('charter_version_id').references(() => charterVersions.id, {
      onDelete: 'set null',
    }),
    approvedAt: ts('approved_at'),
    /** Charter warnings found at the last save/submit/approve, kept for reviewers. */
    violations: jsonb('violations').$type<unknown[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('posts_workspace_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('posts_workspace_status_idx').on(t.workspaceId, t.status),
    index('posts_campaign_idx').on(t.campaignId),
    // The Charter report's partial days read posts by the instant it files them under.
    index('posts_report_instant_idx').on(t.workspaceId, sql`coalesce(${t.scheduledAt}, ${t.updatedAt})`),
  ],
);

export const postTargets = pgTable(
  'post_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    network: networkEnum('network').notNull(),
    textOverride: text('text_override'),
    mediaOverride: jsonb('media_override').$type<MediaRef[]>(),
    firstCommentOverride: text('first_comment_override'),
    status: targetStatusEnum('status').notNull().default('pending'),
    /** Copy of the post's instant, so the calendar and the publisher read one indexed table. */
    scheduledAt: ts('scheduled_at'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: ts('lease_expires_at'),
    sendingStartedAt: ts('sending_started_at'),
    publishedAt: ts('published_at'),
    externalId: text('external_id'),
    externalUrl: text('external_url'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('post_targets_post_channel_unique').on(t.postId, t.channelId),
    index('post_targets_calendar_idx').on(t.workspaceId, t.scheduledAt),
    index('post_targets_channel_time_idx').on(t.channelId, t.scheduledAt),
    // The publisher's claim query reads only what is due; a partial index keeps it small.
    index('post_targets_due_idx').on(t.scheduledAt).where(sql`status = 'scheduled'`),
    index('post_targets_lease_idx').on(t.leaseExpiresAt).where(sql`status in ('claimed', 'sending')`),
    // The inbox walks the comments of each channel's recently published posts (sync-post-comments).
    index('post_targets_channel_published_idx')
      .on(t.channelId, t.publishedAt)
      .where(sql`status = 'published' and external_id is not null`),
    // The Charter report counts the targets held at send time over a period: few rows, any filter.
    index('post_targets_held_idx').on(t.workspaceId, t.scheduledAt).where(sql`status = 'held'`),
  ],
);

export const postApprovals = pgTable(
  'post_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The content revision approved: an edit makes older approvals count for nothing. */
    contentRevision: integer('content_revision').notNull(),
    /** The charter version the content was checked against when approved. */
    charterVersionId: uuid('charter_version_id').references(() => charterVersions.id, {
      onDelete: 'set null',
    }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('post_approvals_unique').on(t.postId, t.userId, t.contentRevision)],
);

/** The history of a post: every transition and notable change, who, when, from, to, comment. */
export const postEvents = pgTable(
  'post_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Events of one transaction share created_at (now() is the transaction's time): seq orders them. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** Both null for the publisher. */
    actorTokenId: uuid('actor_token_id'),
    action: text('action').notNull(),
    fromStatus: postStatusEnum('from_status'),
    toStatus: postStatusEnum('to_status'),
    comment: text('comment'),
    details: jsonb('details'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('post_events_post_idx').on(t.postId, t.createdAt),
    index('post_events_post_seq_idx').on(t.postId, t.seq),
    // Reports read a workspace's workflow events over a period (approval turnaround).
    index('post_events_workspace_time_idx').on(t.workspaceId, t.createdAt),
  ],
);

export const postComments = pgTable(
  'post_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorTokenId: uuid('author_token_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('post_comments_post_idx').on(t.postId, t.createdAt)],
);
