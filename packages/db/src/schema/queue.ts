// A channel's weekly posting slots ("every Tuesday at 09:00"), read in the workspace timezone so a
// slot keeps its wall-clock time across daylight-saving changes.
import { instant } from './columns';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './accounts';
import { channels } from './channels';

export const channelQueueSlots = pgTable(
  'channel_queue_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    /** ISO weekday, Monday = 1 … Sunday = 7. */
    weekday: smallint('weekday').notNull(),
    /** Wall-clock "HH:mm" in the workspace timezone. */
    localTime: text('local_time').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channel_queue_slots_unique').on(t.channelId, t.weekday, t.localTime),
    index('channel_queue_slots_workspace_idx').on(t.workspaceId),
    check('channel_queue_slots_weekday_iso', sql`${t.weekday} between 1 and 7`),
    check('channel_queue_slots_local_time_hhmm', sql`${t.localTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);
