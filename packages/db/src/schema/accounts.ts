import { instant } from './columns';
import { APPROVAL_SCOPES, LOCALES, ROLES } from '@cadence/names';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ROLES);
export const localeEnum = pgEnum('locale', LOCALES);
/** Whose posts need approval before they can be scheduled (see packages/domain/src/posts/approval-policy.ts). */
export const approvalScopeEnum = pgEnum('approval_scope', APPROVAL_SCOPES);

const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () => instant('updated_at').notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: localeEnum('locale').notNull().default('en'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  locale: localeEnum('locale').notNull().default('en'),
  /** Whose posts need approval; with the default a lone owner can publish. */
  approvalScope: approvalScopeEnum('approval_scope').notNull().default('editors_and_tokens'),
  /** How many distinct managers must approve a post that needs approval (1 or 2). */
  requiredApprovals: integer('required_approvals').notNull().default(1),
  /** Inbox replies by editors wait for a manager's approval before they are sent. */
  replyApproval: boolean('reply_approval').notNull().default(false),
  /** First-response target for inbox items, in working minutes; null: no target. */
  firstResponseTargetMinutes: integer('first_response_target_minutes'),
  /** ISO weekdays worked (1 Monday ... 7 Sunday), in the workspace's timezone. */
  workingDays: integer('working_days').array().notNull().default(sql`'{1,2,3,4,5}'::integer[]`),
  /** The working day, local wall-clock "HH:mm" (start before end). */
  workingHoursStart: text('working_hours_start').notNull().default('09:00'),
  workingHoursEnd: text('working_hours_end').notNull().default('18:00'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value: a database leak does not hand out live sessions. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** The visible start of the token, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_unique').on(t.tokenHash),
    index('api_tokens_workspace_idx').on(t.workspaceId, t.createdAt),
  ],
);
