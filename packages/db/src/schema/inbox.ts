// The community manager's inbox (issue 16): what people say to and about the workspace's channels,
// synced per channel by jobs of the runner, triaged here (status, snooze, assignee, notes) and
// answered from Cadence through a send ledger of its own (`inbox_replies`). Everything synced is
// untrusted text from strangers: stored as text, scoped to its workspace, gone with its channel.
import {
  INBOX_ITEM_KINDS,
  INBOX_REPLY_STATUSES,
  INBOX_STATUSES,
  INBOX_UNAVAILABLE_REASONS,
} from '@cadence/names';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './accounts';
import { channels, networkEnum } from './channels';
import { instant } from './columns';
import { postTargets, posts } from './posts';

export const inboxItemKindEnum = pgEnum('inbox_item_kind', INBOX_ITEM_KINDS);
export const inboxStatusEnum = pgEnum('inbox_status', INBOX_STATUSES);
export const inboxReplyStatusEnum = pgEnum('inbox_reply_status', INBOX_REPLY_STATUSES);

/**
 * What a network needs to reply to an item, kept as the adapter gave it (Bluesky: the item's and
 * its thread root's uri + cid; Mastodon: nothing beyond the status id).
 */
export type InboxReplyRef = Record<string, string>;

export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    network: networkEnum('network').notNull(),
    /** The network's own id of the message (Mastodon status id, Bluesky at:// uri). */
    externalId: text('external_id').notNull(),
    kind: inboxItemKindEnum('kind').notNull(),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name'),
    /** http(s) only; anything else is dropped at sync. */
    authorAvatarUrl: text('author_avatar_url'),
    text: text('text').notNull(),
    language: text('language'),
    /** When the author wrote it (the network's time). */
    createdAt: instant('created_at').notNull(),
    /** The message on the network, http(s) only. */
    link: text('link'),
    /** What it answers directly, and the first message of its thread (network ids). */
    parentExternalId: text('parent_external_id'),
    threadRootExternalId: text('thread_root_external_id').notNull(),
    replyRef: jsonb('reply_ref').$type<InboxReplyRef>().notNull().default({}),
    /** Our post it answers, when the thread starts at one of our published targets. */
    postTargetId: uuid('post_target_id').references(() => postTargets.id, { onDelete: 'set null' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
    status: inboxStatusEnum('status').notNull().default('open'),
    snoozedUntil: instant('snoozed_until'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set once, by the first reply sent from Cadence (response-time reports). */
    firstResponseAt: instant('first_response_at'),
    /** Set when it goes to done; cleared when it is reopened. */
    resolvedAt: instant('resolved_at'),
    /** Working minutes (workspace's days and hours) from createdAt to firstResponseAt. */
    firstResponseWorkingMinutes: integer('first_response_working_minutes'),
    /** Working minutes from createdAt to resolvedAt; cleared with it. */
    resolutionWorkingMinutes: integer('resolution_working_minutes'),
    /** A like from our account: asked for (job queued), done (network's like id), or why it failed. */
    likeRequestedAt: instant('like_requested_at'),
    likedAt: instant('liked_at'),
    likeExternalId: text('like_external_id'),
    likeError: text('like_error'),
    /**
     * Hidden from others under our post: asked for (set: hidden wanted, null: shown), what the
     * network has (hiddenAt set: hidden there), or why the last attempt failed.
     */
    hideRequestedAt: instant('hide_requested_at'),
    hiddenAt: instant('hidden_at'),
    hideError: text('hide_error'),
    syncedAt: instant('synced_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbox_items_channel_external_unique').on(t.channelId, t.externalId),
    // Newest first across the workspace, and per status (the badge counts open ones).
    index('inbox_items_workspace_time_idx').on(t.workspaceId, t.createdAt, t.id),
    index('inbox_items_workspace_status_time_idx').on(t.workspaceId, t.status, t.createdAt, t.id),
    index('inbox_items_channel_time_idx').on(t.channelId, t.createdAt, t.id),
    // One channel by status (bench: the planner otherwise filters the workspace's status range).
    index('inbox_items_channel_status_time_idx').on(t.channelId, t.status, t.createdAt, t.id),
    // The badge counts read this alone (index-only): items not done, with their snooze.
    index('inbox_items_waiting_counts_idx')
      .on(t.workspaceId, t.status, t.snoozedUntil)
      .where(sql`status <> 'done'`),
    index('inbox_items_assignee_idx')
      .on(t.assigneeUserId, t.createdAt)
      .where(sql`assignee_user_id is not null`),
    index('inbox_items_post_idx').on(t.postId).where(sql`post_id is not null`),
    index('inbox_items_thread_idx').on(t.channelId, t.threadRootExternalId),
  ],
);

/** Internal notes on an item: for the team, never sent anywhere. */
export const inboxNotes = pgTable(
  'inbox_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inboxItems.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('inbox_notes_item_idx').on(t.itemId, t.createdAt)],
);

/**
 * Where each channel's sync stands. `cursor` is the adapter's own resumable position (what was
 * fetched up to, and a walk in progress), so a run never fetches twice what an earlier one stored.
 */
export const inboxSyncStates = pgTable(
  'inbox_sync_states',
  {
    channelId: uuid('channel_id')
      .primaryKey()
      .references(() => channels.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    cursor: jsonb('cursor').$type<Record<string, unknown>>(),
    nextSyncAt: instant('next_sync_at').notNull(),
    /** The network asked to slow down: no call before this. */
    blockedUntil: instant('blocked_until'),
    lastSyncedAt: instant('last_synced_at'),
    lastError: text('last_error'),
    /**
     * Set when the network refuses to let this channel's inbox be read for a reason reconnecting
     * cannot cure (`INBOX_UNAVAILABLE_REASONS`: X's paid API tier); cleared by the next good sync.
     */
    unavailableReason: text('unavailable_reason', { enum: INBOX_UNAVAILABLE_REASONS }),
    failures: integer('failures').notNull().default(0),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('inbox_sync_states_due_idx').on(t.nextSyncAt)],
);

/**
 * Where the walk of one of our published posts' comments stands (networks without one list of what
 * people say to the account: Facebook Page, Instagram, Threads, LinkedIn). One row per post target,
 * its own cursor like the channel's; gone with the target or the channel. `walkedAt` orders the
 * posts (least recently walked first, so a long walk does not starve the others); `syncedAt` is
 * when a walk last reached what was already stored (the post is due again some time after).
 */
export const inboxPostSyncStates = pgTable(
  'inbox_post_sync_states',
  {
    postTargetId: uuid('post_target_id')
      .primaryKey()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    cursor: jsonb('cursor').$type<Record<string, unknown>>(),
    walkedAt: instant('walked_at'),
    syncedAt: instant('synced_at'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('inbox_post_sync_states_channel_idx').on(t.channelId, t.walkedAt)],
);

/**
 * Replies sent from Cadence: a send ledger like the post targets'. `sending` is committed before
 * the network is called; the reply's own id is the network's idempotency key (Mastodon) or record
 * key (Bluesky), so a retried job never posts twice.
 */
export const inboxReplies = pgTable(
  'inbox_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inboxItems.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    status: inboxReplyStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    externalId: text('external_id'),
    externalUrl: text('external_url'),
    lastError: text('last_error'),
    /**
     * What an earlier attempt left on the network before the reply was out, for networks that post
     * in two steps (Threads: the reply's container id), so a retry never makes a second reply.
     */
    networkDraft: jsonb('network_draft'),
    /** Reply approval: the manager who approved or sent it back, when, and their comment. */
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: instant('reviewed_at'),
    reviewComment: text('review_comment'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('inbox_replies_item_idx').on(t.itemId, t.createdAt),
    // Managers' list of replies waiting for them (not partial: a partial index on an enum value
    // added in the same migration is refused by PostgreSQL inside the migration's transaction).
    index('inbox_replies_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt),
  ],
);

/** Saved replies: templates with {author}, checked against the charter when saved. */
export const inboxSavedReplies = pgTable(
  'inbox_saved_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    body: text('body').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('inbox_saved_replies_workspace_idx').on(t.workspaceId, t.name)],
);
