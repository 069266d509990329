// Roll-ups behind the reports (decision 0255): what a report over a year reads instead of a year of
// targets. Each row is a signed count for one local day of the workspace and one slice of the
// targets (all of them, or one channel, network, campaign, pillar or author), so a report with no
// filter or one filter reads at most 366 rows per status class. Rows are only ever appended (by
// the triggers of migration 0016, in the transaction that changed the facts: no two writers wait
// on one counter row), then folded into one row per key by a periodic job; readers sum `n`.
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { workspaces } from './accounts';

export const reportTargetDays = pgTable(
  'report_target_days',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The target's instant as a date in the workspace's timezone. */
    day: date('day', { mode: 'string' }).notNull(),
    /** all, channel, network, campaign, pillar or author. */
    dim: text('dim').notNull(),
    /** The channel id, network name, campaign id, pillar id or author id; '' for all. */
    dimValue: text('dim_value').notNull(),
    /** The target's status; claimed and sending count as scheduled (a claim moves no figure). */
    status: text('status').notNull(),
    /** Publish delay bucket for published targets (see delay-buckets.ts), else -1. */
    delayBucket: smallint('delay_bucket').notNull(),
    /** Failure reason for failed targets, 'charter' for targets the charter held, else ''. */
    reason: text('reason').notNull(),
    n: integer('n').notNull(),
    /** Written by the fold job (one row per key), as opposed to a transaction's delta. */
    folded: boolean('folded').notNull().default(false),
  },
  (t) => [
    index('report_target_days_read_idx').on(t.workspaceId, t.dim, t.dimValue, t.day),
    index('report_target_days_unfolded_idx').on(t.day).where(sql`not ${t.folded}`),
  ],
);

/**
 * The Workflow and Charter reports' roll-up (decision 0302): signed counts per local day of posts'
 * review events (approvals by turnaround bucket, reviews by rounds of changes) and of their charter
 * verdicts. Unlike report_target_days, each row carries every filter at once (campaign, pillar,
 * author) and a `slice` (all posts '', one network, or one channel), so any combination of
 * filters reads one slice's rows over the period through one index, and stays exact.
 */
export const reportPostDays = pgTable(
  'report_post_days',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The event's (or the post's planned instant's) date in the workspace's timezone. */
    day: date('day', { mode: 'string' }).notNull(),
    /** '' for every post; a network name, or a channel id, for the posts with a target there. */
    slice: text('slice').notNull(),
    /** The network of a network or channel slice; '' for the all-posts slice. */
    network: text('network').notNull(),
    campaignId: uuid('campaign_id'),
    pillarId: text('pillar_id'),
    authorId: uuid('author_id'),
    /** approval (bucket: turnaround), review (bucket: rounds), checked, verdict (bucket: severity). */
    kind: text('kind').notNull(),
    /** The charter rule of a verdict; '' otherwise. */
    rule: text('rule').notNull(),
    bucket: smallint('bucket').notNull(),
    n: integer('n').notNull(),
    folded: boolean('folded').notNull().default(false),
  },
  (t) => [
    index('report_post_days_read_idx').on(t.workspaceId, t.slice, t.day),
    index('report_post_days_unfolded_idx').on(t.day).where(sql`not ${t.folded}`),
  ],
);

/**
 * What each post last added to report_post_days for the Charter report (decision 0302), so the
 * trigger that sees the post change takes out exactly that and adds its new rows: one row per post,
 * written only by that post's own changes. No key to posts: the row must outlive the post until
 * the trigger of its deletion has read it.
 */
export const reportPostCharter = pgTable('report_post_charter', {
  postId: uuid('post_id').primaryKey(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** The report_post_days keys the post counts under (n = 1 each). */
  rows: jsonb('rows').notNull(),
});

/**
 * Published targets per local day for the Results report (decision 0314): one slice of
 * report_target_days' dimensions (all, or one channel, network, campaign, pillar or author), with
 * the two things Results groups by, network and campaign, as columns. A slice plus filters on
 * those columns answers one filter, and a second one when it is the network or the campaign.
 * Appended by the same statement triggers as report_target_days, folded and rebuilt with it.
 */
export const reportPublishedDays = pgTable(
  'report_published_days',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The target's instant as a date in the workspace's timezone. */
    day: date('day', { mode: 'string' }).notNull(),
    /** all, channel, network, campaign, pillar or author, as in report_target_days. */
    dim: text('dim').notNull(),
    dimValue: text('dim_value').notNull(),
    network: text('network').notNull(),
    /** The post's campaign; null for none. */
    campaignId: uuid('campaign_id'),
    n: integer('n').notNull(),
    folded: boolean('folded').notNull().default(false),
  },
  (t) => [
    index('report_published_days_read_idx').on(t.workspaceId, t.dim, t.dimValue, t.day),
    index('report_published_days_unfolded_idx').on(t.day).where(sql`not ${t.folded}`),
  ],
);

/**
 * The Community report's roll-up (decision 0316): signed counts of inbox items per workspace,
 * local day of arrival (the workspace's timezone) and channel, one row per key an item counts
 * under (received, responded, done, answered, replied by first-response step, within target,
 * waiting for a first response). Appended by the statement triggers of migration 0031 on
 * inbox_items, folded by reports:fold-rollups with the other roll-ups; readers sum `n`.
 */
export const reportInboxDays = pgTable(
  'report_inbox_days',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The item's arrival (created_at) as a date in the workspace's timezone. */
    day: date('day', { mode: 'string' }).notNull(),
    /** No key to channels: a deleted channel's items are taken out by the delete trigger. */
    channelId: uuid('channel_id').notNull(),
    network: text('network').notNull(),
    /** received, responded, done, answered, replied, within, waiting (report_inbox_keys). */
    kind: text('kind').notNull(),
    /** The first-response step of a `replied` row (turnaround-buckets.ts, in working time), else 0. */
    bucket: smallint('bucket').notNull(),
    n: integer('n').notNull(),
    folded: boolean('folded').notNull().default(false),
  },
  (t) => [
    index('report_inbox_days_read_idx').on(t.workspaceId, t.day),
    index('report_inbox_days_channel_idx').on(t.channelId, t.day),
    index('report_inbox_days_unfolded_idx').on(t.day).where(sql`not ${t.folded}`),
  ],
);
