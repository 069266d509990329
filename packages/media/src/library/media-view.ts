import type { mediaItems } from '@cadence/db';
import type { MediaItemView } from '@cadence/domain/media/schemas';
import type { PostUse } from './media-usage';

type Row = typeof mediaItems.$inferSelect;

export function toMediaView(row: Row, uses: PostUse[]): MediaItemView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contentType: row.contentType,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    codec: row.codec,
    hasThumbnail: row.thumbnailKey !== null,
    alt: row.alt,
    tags: row.tags,
    kept: row.kept,
    derivedFromId: row.derivedFromId,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt,
    usedIn: { count: uses.length, posts: uses.slice(0, 20) },
  };
}
