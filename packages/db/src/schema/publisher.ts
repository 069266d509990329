// The publisher's own tables: the attempt log behind each target's ledger row, the heartbeats that
// tell the API whether any publisher is alive, the sandbox network's feed, and shared rate-limit
// state (so that every publisher process respects a network's "slow down", not only the one told).
import { instant } from './columns';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './accounts';
import { channels } from './channels';
import { type MediaRef, postTargets, posts } from './posts';

const ts = (name: string) => instant(name);

/**
 * One row per thing that happened to a target: a send and its outcome, a hold, a reconciliation,
 * a person's confirmation. The ledger row says where a target is; this says how it got there.
 */
export const targetAttempts = pgTable(
  'target_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    /** The target's attempt number when this happened (0 for a hold before any send). */
    attempt: integer('attempt').notNull(),
    /** published | transient | rate_limited | permanent | auth_revoked | ambiguous | held | missed | reconciled | confirmed | retried */
    outcome: text('outcome').notNull(),
    detail: text('detail'),
    /** The publisher process (or "person:<userId>") that did it. */
    actor: text('actor').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at').notNull().defaultNow(),
  },
  (t) => [index('target_attempts_target_idx').on(t.targetId, t.finishedAt)],
);

/**
 * Targets in `unknown` that a publisher should settle through the adapter (find the post, or
 * re-send when the network deduplicates). A small side table so that finding the due ones is one
 * index range scan; a target leaves it when settled or handed to a person.
 */
export const targetReconciliations = pgTable(
  'target_reconciliations',
  {
    targetId: uuid('target_id')
      .primaryKey()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    dueAt: ts('due_at').notNull(),
    tries: integer('tries').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: ts('lease_expires_at'),
  },
  (t) => [index('target_reconciliations_due_idx').on(t.dueAt)],
);

/** Each publisher process upserts its row every few seconds; the API reads the newest. */
export const publisherHeartbeats = pgTable('publisher_heartbeats', {
  workerId: text('worker_id').primaryKey(),
  hostname: text('hostname').notNull(),
  pid: integer('pid').notNull(),
  startedAt: ts('started_at').notNull(),
  beatAt: ts('beat_at').notNull(),
  /** Set by a graceful shutdown: a stopped publisher is not a stalled one. */
  stoppedAt: ts('stopped_at'),
  inFlight: integer('in_flight').notNull().default(0),
  published: integer('published').notNull().default(0),
});

/** The sandbox network: posts land here and the app shows them as a feed. One item per target. */
export const sandboxFeedItems = pgTable(
  'sandbox_feed_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
    /** The deterministic key: publishing the same target twice finds the first item. */
    targetId: uuid('target_id').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    media: jsonb('media').$type<MediaRef[]>().notNull().default([]),
    firstComment: text('first_comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sandbox_feed_items_target_unique').on(t.targetId),
    index('sandbox_feed_items_workspace_idx').on(t.workspaceId, t.createdAt, t.id),
  ],
);

/**
 * "Do not call before": set when a network answers 429 (per channel, or for the whole network
 * when the adapter says its limit is app-wide). Keys: "channel:<id>" or "network:<name>".
 */
export const publisherRateLimits = pgTable(
  'publisher_rate_limits',
  {
    key: text('key').primaryKey(),
    blockedUntil: ts('blocked_until'),
    reason: text('reason'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('publisher_rate_limits_blocked_idx').on(t.blockedUntil).where(sql`blocked_until is not null`),
  ],
);

/**
 * Fixed-window counters for a channel's (or an adapter's) send limit, one row per key and window,
 * so that any window still open can be counted: a late target's (now) beside look-ahead ones taken
 * seconds ahead (decision 0318). Ended windows are swept by the publisher's housekeeping.
 */
export const publisherRateWindows = pgTable(
  'publisher_rate_windows',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    windowEnd: ts('window_end').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('publisher_rate_windows_end_idx').on(t.windowEnd),
  ],
);

/**
 * Media a network already holds for a target (a Bluesky blob ref, a Mastodon attachment id),
 * written as soon as the upload succeeds and before the post is made, so a retried target reuses
 * the upload instead of sending the bytes again (issue 14). `key` names the attachment (network,
 * position, library item or URL, hashed); `remote` is whatever the adapter needs to reuse it.
 */
export const targetMediaUploads = pgTable(
  'target_media_uploads',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    remote: jsonb('remote').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('target_media_uploads_key_idx').on(t.targetId, t.key)],
);
