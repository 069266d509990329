// Nothing orphaned accumulates: files dropped into the composer and never attached to a post, nor
// kept in the library on purpose, are removed (row and bytes) once they are a day old.
import { type Db, mediaItems } from '@cadence/db';
import { and, eq, lt } from 'drizzle-orm';
import type { MediaStorage } from '../storage/storage';
import { removeBytes } from './library-use-cases';
import { notUsedByAnyPost, postsUsingMedia } from './media-usage';

export const UNATTACHED_MEDIA_TTL_MS = 24 * 3600 * 1000;
const BATCH = 100;

export async function sweepUnattachedMedia(deps: {
  db: Db;
  storage: MediaStorage;
  now: () => Date;
}): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - UNATTACHED_MEDIA_TTL_MS);
  const candidates = await deps.db
    .select()
    .from(mediaItems)
    .where(and(eq(mediaItems.kept, false), lt(mediaItems.createdAt, cutoff)))
    .orderBy(mediaItems.createdAt)
    .limit(BATCH);
  let removed = 0;
  for (const row of candidates) {
    const uses = await postsUsingMedia(deps.db, row.workspaceId, [row.id]);
    if ((uses.get(row.id) ?? []).length > 0) {
      // Used by a post: it belongs to the library now.
      await deps.db.update(mediaItems).set({ kept: true }).where(eq(mediaItems.id, row.id));
      continue;
    }
    // Re-checked in the delete itself: a post may have attached the item since the check above.
    const gone = await deps.db
      .delete(mediaItems)
      .where(and(eq(mediaItems.id, row.id), eq(mediaItems.kept, false), notUsedByAnyPost))
      .returning({ id: mediaItems.id });
    if (gone.length === 0) continue;
    await removeBytes(deps.storage, row);
    removed += 1;
  }
  return removed;
}
