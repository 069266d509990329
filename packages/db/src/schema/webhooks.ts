// Outgoing webhooks (issue 15): a workspace subscribes URLs to event kinds; each event becomes one
// delivery per subscription, sent as a job of the shared runner, signed with the subscription's
// secret (sealed at rest), retried with backoff and logged (status code, time).
import { WEBHOOK_DELIVERY_STATUSES } from '@cadence/names';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './accounts';
import { instant } from './columns';
import { notificationKindEnum } from './notifications';

export const webhookDeliveryStatusEnum = pgEnum('webhook_delivery_status', WEBHOOK_DELIVERY_STATUSES);

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** The HMAC key, sealed with the key ring and bound to this row (secret-box.ts). */
    secretSealed: text('secret_sealed').notNull(),
    kinds: notificationKindEnum('kinds').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Failed attempts in a row, any delivery; a success resets it, reaching the limit disables. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    disabledAt: instant('disabled_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_workspace_idx').on(t.workspaceId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** An event kind or "webhook_test"; the payload names it too. */
    kind: text('kind').notNull(),
    /** The exact JSON sent, kept so a redelivery sends the same event (same id). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms'),
    lastError: text('last_error'),
    lastAttemptAt: instant('last_attempt_at'),
    deliveredAt: instant('delivered_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt)],
);
