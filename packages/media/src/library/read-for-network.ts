// A library item's bytes for an adapter that uploads them to a network (issue 14). Scoped by the
// target's workspace, so a post can never publish another workspace's file, and bounded: an item
// larger than the network takes is refused from its recorded size before anything is read.
import { type Db, mediaItems } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { MediaStorage } from '../storage/storage';

export interface NetworkMediaFile {
  bytes: Buffer;
  mimeType: string;
  width: number | null;
  height: number | null;
}

export function libraryReaderFor(deps: { db: Db; storage: MediaStorage }) {
  return {
    async read(
      workspaceId: string,
      mediaId: string,
      maxBytes: number,
    ): Promise<NetworkMediaFile | 'too_large' | null> {
      const [row] = await deps.db
        .select()
        .from(mediaItems)
        .where(and(eq(mediaItems.workspaceId, workspaceId), eq(mediaItems.id, mediaId)));
      if (!row) return null;
      if (row.bytes > maxBytes) return 'too_large';
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of await deps.storage.get(row.storageKey)) {
        total += (chunk as Buffer).length;
        // The row said it fits; a store that disagrees is not trusted past the limit.
        if (total > maxBytes) return 'too_large';
        chunks.push(chunk as Buffer);
      }
      return {
        bytes: Buffer.concat(chunks),
        mimeType: row.contentType,
        width: row.width,
        height: row.height,
      };
    },
  };
}
