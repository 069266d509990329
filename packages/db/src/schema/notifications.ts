// Notifications (issue 15). Writers record an event in `notification_events` in the same
// transaction as the change (the outbox); one fan-out task on the job runner turns each event into
// one notification per recipient and one `email_outbox` row per instant email. Emails are sent by
// a job per row, so a crash never loses one and never makes two Message-IDs for one notification.
import { EMAIL_STATUSES, NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS } from '@cadence/names';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { localeEnum, users, workspaces } from './accounts';
import { instant } from './columns';

export const notificationKindEnum = pgEnum('notification_kind', NOTIFICATION_KINDS);
export const notificationDeliveryEnum = pgEnum('notification_delivery', NOTIFICATION_DELIVERIES);
export const emailStatusEnum = pgEnum('email_status', EMAIL_STATUSES);

/** Parameters the words need (post excerpt, channel name, role...): never sentences. */
export type NotificationParams = Record<string, string | number | null>;

export const notificationEvents = pgTable(
  'notification_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: notificationKindEnum('kind').notNull(),
    postId: uuid('post_id'),
    channelId: uuid('channel_id'),
    actorUserId: uuid('actor_user_id'),
    /** The one person concerned (role changed, mentioned), when the kind names one. */
    subjectUserId: uuid('subject_user_id'),
    params: jsonb('params').$type<NotificationParams>().notNull().default({}),
    /** Periodic checks (token expiring, publisher stalled) record once per key. */
    dedupeKey: text('dedupe_key'),
    /**
     * A post's outcome (published, failed...): fanned out in a lane of its own, so a drain's
     * thousands of them never queue in front of a person-directed event (decision 0260).
     */
    publicationLane: boolean('publication_lane').notNull().default(false),
    createdAt: instant('created_at').notNull().defaultNow(),
    fannedOutAt: instant('fanned_out_at'),
  },
  (t) => [
    index('notification_events_pending_lane_idx')
      .on(t.publicationLane, t.createdAt)
      .where(sql`fanned_out_at is null`),
    uniqueIndex('notification_events_dedupe_unique').on(t.workspaceId, t.kind, t.dedupeKey),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => notificationEvents.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKindEnum('kind').notNull(),
    postId: uuid('post_id'),
    channelId: uuid('channel_id'),
    actorName: text('actor_name'),
    params: jsonb('params').$type<NotificationParams>().notNull().default({}),
    /** Shown in the bell (the member chose in_app or both). */
    inApp: boolean('in_app').notNull(),
    /** Waiting for this member's digest email (chose the digest, or over the instant-email rate). */
    digestPending: boolean('digest_pending').notNull().default(false),
    createdAt: instant('created_at').notNull().defaultNow(),
    readAt: instant('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_event_user_unique').on(t.eventId, t.userId),
    index('notifications_user_idx').on(t.userId, t.workspaceId, t.createdAt),
    index('notifications_digest_idx').on(t.userId, t.workspaceId).where(sql`digest_pending`),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKindEnum('kind').notNull(),
    delivery: notificationDeliveryEnum('delivery').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.kind] })],
);

export const notificationSettings = pgTable(
  'notification_settings',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** One email a day with everything instead of one email per notification. */
    emailDigest: boolean('email_digest').notNull().default(false),
    lastDigestAt: instant('last_digest_at'),
    /** The weekly report by email (issue 17): off until the member asks for it. */
    weeklyReport: boolean('weekly_report').notNull().default(false),
    lastWeeklyReportAt: instant('last_weekly_report_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for emails outside a workspace (password reset). */
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    locale: localeEnum('locale').notNull(),
    /** What it is about, for the owners' outbox list: a notification kind, "digest", "invitation"... */
    topic: text('topic').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** Fixed when the row is made and sent with every attempt: a resent email is the same email. */
    messageId: text('message_id').notNull(),
    status: emailStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    uniqueIndex('email_outbox_message_id_unique').on(t.messageId),
    index('email_outbox_workspace_idx').on(t.workspaceId, t.createdAt),
    index('email_outbox_user_recent_idx').on(t.userId, t.createdAt),
  ],
);
