import { instant } from './columns';
import { CHANNEL_STATUSES, NETWORKS } from '@cadence/names';
import { index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './accounts';

export const networkEnum = pgEnum('network', NETWORKS);
export const channelStatusEnum = pgEnum('channel_status', CHANNEL_STATUSES);

export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    network: networkEnum('network').notNull(),
    displayName: text('display_name').notNull(),
    handle: text('handle').notNull(),
    status: channelStatusEnum('status').notNull().default('connected'),
    statusReason: text('status_reason'),
    /** AES-256-GCM sealed JSON ("v2:keyId:iv:tag:ciphertext", bound to this row); never leaves the server. */
    credentialsSealed: text('credentials_sealed'),
    /** At most `max` sends per `perSeconds` to this channel, across all publishers; null: the network's default. */
    sendLimit: jsonb('send_limit').$type<{ max: number; perSeconds: number }>(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('channels_workspace_idx').on(t.workspaceId, t.createdAt)],
);
