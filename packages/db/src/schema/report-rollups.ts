// Roll-ups behind the reports (decision 0255): what a report over a year reads instead of a year of
// targets. Each row is a signed count for one local day of the workspace and one slice of the
// targets (all of them, or one channel, network, campaign, pillar or author), so a report with no
// filter or one filter reads at most 366 rows per status class. Rows are only ever appended (by
// the triggers of migration 0016, in the transaction that changed the facts: no two writers wait
// on one counter row), then folded into one row per key by a periodic job; readers sum `n`.
import { boolean, date, index, integer, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
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
