import { instant } from './columns';
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiTokens, users, workspaces } from './accounts';

/**
 * Every saved charter is a new row: old versions stay readable and a post can name the version it
 * was approved under. The current charter is the highest version of the workspace.
 */
export const charterVersions = pgTable(
  'charter_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per workspace; the unique index is the last line of defence against two saves racing. */
    version: integer('version').notNull(),
    /** The charter rules as validated by the domain's charterRulesSchema. */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    /** The rule keys that differ from the previous version, e.g. "rules.bannedPhrases", "overrides.x.maxLength". */
    changeSummary: jsonb('change_summary').$type<string[]>().notNull().default([]),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByTokenId: uuid('created_by_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('charter_versions_workspace_version_unique').on(t.workspaceId, t.version),
    check('charter_versions_version_positive', sql`${t.version} >= 1`),
  ],
);
