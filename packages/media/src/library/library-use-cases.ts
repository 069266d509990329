// Reading, describing and deleting library items. Every query is scoped by the caller's
// workspace: an id from another workspace answers 404 like a missing one.
import type { Readable } from 'node:stream';
import { type Db, mediaItems } from '@cadence/db';
import type { Actor } from '@cadence/domain/accounts/actor';
import { notFound, sayError } from '@cadence/domain/errors';
import type { MediaUpdate } from '@cadence/domain/media/schemas';
import { and, desc, eq, ilike, lt, or, sql } from 'drizzle-orm';
import type { MediaStorage } from '../storage/storage';
import { holdsMedia, postsUsingMedia } from './media-usage';
import { toMediaView } from './media-view';

type Row = typeof mediaItems.$inferSelect;

export async function findMediaRow(db: Db, workspaceId: string, mediaId: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(mediaItems)
    .where(and(eq(mediaItems.workspaceId, workspaceId), eq(mediaItems.id, mediaId)));
  if (!row) throw notFound('media_item');
  return row;
}

export async function getMedia(db: Db, workspaceId: string, mediaId: string) {
  const row = await findMediaRow(db, workspaceId, mediaId);
  const uses = await postsUsingMedia(db, workspaceId, [row.id]);
  return toMediaView(row, uses.get(row.id) ?? []);
}

export async function listMedia(
  db: Db,
  workspaceId: string,
  options: {
    limit: number;
    after?: { createdAt: Date; id: string };
    q?: string;
    kind?: Row['kind'];
    tag?: string;
  },
) {
  const like = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select()
    .from(mediaItems)
    .where(
      and(
        eq(mediaItems.workspaceId, workspaceId),
        options.kind ? eq(mediaItems.kind, options.kind) : undefined,
        options.tag ? sql`${mediaItems.tags} @> ${JSON.stringify([options.tag])}::jsonb` : undefined,
        like
          ? or(
              ilike(mediaItems.name, like),
              sql`exists (select 1 from jsonb_array_elements_text(${mediaItems.tags}) as tag where tag ilike ${like})`,
            )
          : undefined,
        options.after
          ? or(
              lt(mediaItems.createdAt, options.after.createdAt),
              and(eq(mediaItems.createdAt, options.after.createdAt), lt(mediaItems.id, options.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(mediaItems.createdAt), desc(mediaItems.id))
    .limit(options.limit + 1);
  const uses = await postsUsingMedia(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toMediaView(row, uses.get(row.id) ?? []));
}

/** Alt text and tags; describing an item also keeps it in the library (no sweep). */
export async function updateMedia(db: Db, actor: Actor, mediaId: string, update: MediaUpdate) {
  const current = await findMediaRow(db, actor.workspaceId, mediaId);
  const alt = update.alt ? { ...current.alt, ...update.alt } : current.alt;
  const tags = update.tags ? [...new Set(update.tags)] : current.tags;
  await db
    .update(mediaItems)
    .set({ alt, tags, kept: true })
    .where(and(eq(mediaItems.workspaceId, actor.workspaceId), eq(mediaItems.id, mediaId)));
  return getMedia(db, actor.workspaceId, mediaId);
}

/**
 * Deletes an item and its bytes, unless a post that is not yet published (or cancelled) uses it:
 * 409 naming those posts. The item is locked FOR UPDATE before the posts are looked for, so a post
 * saved at the same time (which locks the items it names FOR KEY SHARE) is either seen here or
 * finds the item gone (422). The row goes first, so a failure to reach the store leaves only bytes
 * no row points to, never a row without bytes.
 */
export async function deleteMedia(deps: { db: Db; storage: MediaStorage }, actor: Actor, mediaId: string) {
  const row = await deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(mediaItems)
      .where(and(eq(mediaItems.workspaceId, actor.workspaceId), eq(mediaItems.id, mediaId)))
      .for('update');
    if (!locked) throw notFound('media_item');
    const uses = (await postsUsingMedia(tx, actor.workspaceId, [locked.id])).get(locked.id) ?? [];
    const holding = uses.filter(holdsMedia);
    if (holding.length > 0) {
      throw sayError(
        'conflict',
        'errors.media.inUse',
        { count: holding.length },
        {
          reason: 'media_in_use',
          posts: holding.slice(0, 50),
        },
      );
    }
    await tx.delete(mediaItems).where(eq(mediaItems.id, locked.id));
    return locked;
  });
  await removeBytes(deps.storage, row);
}

export async function removeBytes(storage: MediaStorage, row: Pick<Row, 'storageKey' | 'thumbnailKey'>) {
  await storage.delete(row.storageKey);
  if (row.thumbnailKey) await storage.delete(row.thumbnailKey);
}

export async function readMedia(
  deps: { db: Db; storage: MediaStorage },
  workspaceId: string,
  mediaId: string,
  variant: 'original' | 'thumbnail',
): Promise<{ row: Row; body: Readable; contentType: string }> {
  const row = await findMediaRow(deps.db, workspaceId, mediaId);
  const key = variant === 'thumbnail' ? row.thumbnailKey : row.storageKey;
  if (!key) throw notFound('media_thumbnail');
  const body = await deps.storage.get(key);
  return { row, body, contentType: variant === 'thumbnail' ? 'image/webp' : row.contentType };
}
