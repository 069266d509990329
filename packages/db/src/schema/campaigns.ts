import { instant } from './columns';
import { CAMPAIGN_STATUSES } from '@cadence/names';
import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './accounts';

export const campaignStatusEnum = pgEnum('campaign_status', CAMPAIGN_STATUSES);

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    objective: text('objective').notNull().default(''),
    description: text('description').notNull().default(''),
    /** Calendar dates in the workspace's timezone, inclusive at both ends. */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    colour: text('colour').notNull(),
    status: campaignStatusEnum('status').notNull().default('planned'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** What the campaign adds to the charter during its dates (the domain's campaignAdditionsSchema). */
    additions: jsonb('additions').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_workspace_idx').on(t.workspaceId, t.createdAt, t.id),
    // The API checks these first with a message naming the field; the database keeps them true.
    check('campaigns_dates_ordered', sql`${t.endsOn} >= ${t.startsOn}`),
    check('campaigns_colour_hex', sql`${t.colour} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);
