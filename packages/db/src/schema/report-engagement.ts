// Roll-ups behind the Results and Best time reports (decision 0305): what a report over a year
// reads instead of joining a year of targets to their figures. All three are written by the
// statement triggers on target_metrics (migration 0021), in the transaction that records figures,
// and filled from the facts by the rebuild job.
// - target_engagement: each measured target's latest figures with everything a report groups or
//   filters by (its post's campaign, pillar, author; its local day and publication hour). It is
//   also what the triggers subtract when figures change or go (a deleted post's targets are gone
//   by the time its figures' delete fires), so it has no foreign key to the target.
// - report_engagement_days: signed sums per local day, slice (all, channel, network, campaign,
//   pillar, author) and group (network, campaign, weekday:hour cell); rows are only appended, then
//   folded by a periodic job, so parallel pulls never wait on one counter row.
// - post_engagement: each post's engagement per slice and day, updated in place (one row per post:
//   only the pulls of one post's own targets meet there), indexed for the top and bottom lists.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from './accounts';
import { instant } from './columns';

const workspace = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
/** A figure a network does not give stays null ("not available"), never 0. */
const figure = (name: string) => integer(name);
const sum = (name: string) => bigint(name, { mode: 'number' }).notNull();
/** Targets contributing to a sum: a sum over no target is "not available". */
const count = (name: string) => integer(name).notNull();

export const targetEngagement = pgTable(
  'target_engagement',
  {
    targetId: uuid('target_id').primaryKey(),
    workspaceId: workspace(),
    postId: uuid('post_id').notNull(),
    /** The target's scheduled instant as a date in the workspace's timezone. */
    day: date('day', { mode: 'string' }).notNull(),
    scheduledAt: instant('scheduled_at').notNull(),
    /** ISO weekday and hour of its publication (else its scheduled instant) in the workspace's timezone. */
    weekday: smallint('weekday').notNull(),
    hour: smallint('hour').notNull(),
    channelId: uuid('channel_id').notNull(),
    network: text('network').notNull(),
    campaignId: uuid('campaign_id'),
    pillarId: text('pillar_id'),
    authorUserId: uuid('author_user_id'),
    replies: figure('replies'),
    reposts: figure('reposts'),
    likes: figure('likes'),
    quotes: figure('quotes'),
    engagement: sum('engagement'),
  },
  (t) => [
    index('target_engagement_time_idx').on(t.workspaceId, t.scheduledAt),
    index('target_engagement_channel_idx').on(t.workspaceId, t.channelId, t.scheduledAt),
    index('target_engagement_campaign_idx').on(t.workspaceId, t.campaignId, t.scheduledAt),
  ],
);

export const reportEngagementDays = pgTable(
  'report_engagement_days',
  {
    workspaceId: workspace(),
    day: date('day', { mode: 'string' }).notNull(),
    /** all, channel, network, campaign, pillar or author; '' value for all. */
    dim: text('dim').notNull(),
    dimValue: text('dim_value').notNull(),
    /** network, campaign ('' value: no campaign) or cell ('<iso weekday>:<hour>'). */
    grp: text('grp').notNull(),
    grpValue: text('grp_value').notNull(),
    measured: count('measured'),
    replies: sum('replies'),
    repliesN: count('replies_n'),
    reposts: sum('reposts'),
    repostsN: count('reposts_n'),
    likes: sum('likes'),
    likesN: count('likes_n'),
    quotes: sum('quotes'),
    quotesN: count('quotes_n'),
    /** Written by the fold job (one row per key), as opposed to a transaction's delta. */
    folded: boolean('folded').notNull().default(false),
  },
  (t) => [
    index('report_engagement_days_read_idx').on(t.workspaceId, t.dim, t.dimValue, t.day),
    index('report_engagement_days_unfolded_idx').on(t.day).where(sql`not ${t.folded}`),
  ],
);

export const postEngagement = pgTable(
  'post_engagement',
  {
    workspaceId: workspace(),
    postId: uuid('post_id').notNull(),
    dim: text('dim').notNull(),
    dimValue: text('dim_value').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** The post's measured targets in this slice and day (the row goes when it reaches 0). */
    measured: count('measured'),
    engagement: sum('engagement'),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.dim, t.dimValue, t.day] }),
    index('post_engagement_rank_idx').on(t.workspaceId, t.dim, t.dimValue, t.day, t.engagement, t.postId),
  ],
);
