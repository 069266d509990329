// Figures pulled back from the networks after publication (issue 17). Every pull appends points
// (the time series, for "how did it grow"); the latest value per target and name is kept apart so
// that reports read one small row per target instead of scanning the series. A figure a network
// does not give has no row at all: "not available" is the absence of a point, never a zero.
import { METRIC_NAMES } from '@cadence/names';
import { bigserial, date, index, integer, pgEnum, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './accounts';
import { channels } from './channels';
import { instant } from './columns';
import { postTargets } from './posts';

export const metricNameEnum = pgEnum('metric_name', METRIC_NAMES);

export const metricPoints = pgTable(
  'metric_points',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    metric: metricNameEnum('metric').notNull(),
    value: integer('value').notNull(),
    pulledAt: instant('pulled_at').notNull(),
  },
  (t) => [index('metric_points_target_idx').on(t.targetId, t.metric, t.pulledAt)],
);

/** The last pulled value of each figure of each target: what reports read. */
export const targetMetrics = pgTable(
  'target_metrics',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => postTargets.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    metric: metricNameEnum('metric').notNull(),
    value: integer('value').notNull(),
    pulledAt: instant('pulled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.metric] })],
);

/** Followers of a channel, one figure per UTC day (the last pull of that day wins). */
export const channelFollowerCounts = pgTable(
  'channel_follower_counts',
  {
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    followers: integer('followers').notNull(),
    pulledAt: instant('pulled_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.day] }),
    index('channel_follower_counts_workspace_idx').on(t.workspaceId, t.day),
  ],
);
