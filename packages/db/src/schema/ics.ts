// Secret, revocable iCalendar feed URLs. Only a hash of the token is stored; the prefix tells feeds
// apart in lists.
import { instant } from './columns';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiTokens, users, workspaces } from './accounts';
import { campaigns } from './campaigns';
import { channels } from './channels';

export const icsFeeds = pgTable(
  'ics_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Optional filters: a feed of one campaign or one channel. Deleting either removes the feed. */
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByTokenId: uuid('created_by_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull().defaultNow(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('ics_feeds_token_hash_unique').on(t.tokenHash),
    index('ics_feeds_workspace_idx').on(t.workspaceId, t.createdAt, t.id),
  ],
);
