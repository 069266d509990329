// The media library: one row per uploaded file of a workspace. The bytes live in the media store
// (packages/media); this row says what they are, who brought them and how to describe them.
import { instant } from './columns';
import { MEDIA_KINDS } from '@cadence/names';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './accounts';

export const mediaKindEnum = pgEnum('media_kind', MEDIA_KINDS);

export const mediaItems = pgTable(
  'media_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The file name as uploaded, checked (no path, no control characters); shown, never used as a path. */
    name: text('name').notNull(),
    kind: mediaKindEnum('kind').notNull(),
    /** Detected from the content, never taken from the name or the declared type. */
    contentType: text('content_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    width: integer('width'),
    height: integer('height'),
    durationMs: integer('duration_ms'),
    codec: text('codec'),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    /** Alt text per language ("en", "fr"). */
    alt: jsonb('alt').$type<Record<string, string>>().notNull().default({}),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** The item this one is a fixed copy of (resized for Bluesky, cropped for Instagram). */
    derivedFromId: uuid('derived_from_id'),
    /**
     * Kept in the library on purpose (uploaded from the library page, or described there). An item
     * dropped into the composer and never attached to a post is not: the sweep removes it after a day.
     */
    kept: boolean('kept').notNull().default(false),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('media_items_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('media_items_created_idx').on(t.createdAt),
  ],
);
