// What a post said at each content revision, so a reviewer can see "what changed since your last
// review" from any device (the history says who changed which fields, not the old texts).
import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiTokens, users } from './accounts';
import type { networkEnum } from './channels';
import { instant } from './columns';
import { type MediaRef, posts } from './posts';

/** One target as it was: its channel and its overrides (null = the post's own value). */
export interface RevisionTarget {
  channelId: string;
  /** The channel's network then, so a diff per network survives the channel's removal. */
  network: (typeof networkEnum.enumValues)[number];
  text: string | null;
  media: MediaRef[] | null;
  firstComment: string | null;
}

export const postRevisions = pgTable(
  'post_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** Kept on the row so a read can be scoped to the caller's workspace without a join. */
    workspaceId: uuid('workspace_id').notNull(),
    contentRevision: integer('content_revision').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    firstComment: text('first_comment'),
    media: jsonb('media').$type<MediaRef[]>().notNull(),
    targets: jsonb('targets').$type<RevisionTarget[]>().notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByTokenId: uuid('created_by_token_id').references(() => apiTokens.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [uniqueIndex('post_revisions_post_revision_unique').on(t.postId, t.contentRevision)],
);
