// A library item for an adapter (issue 14), scoped by the target's workspace, so a post can never
// publish another workspace's file, and bounded: an item larger than the network takes is refused
// from its recorded size before anything is read. Networks that take bytes get them (`read`);
// videos sent in pieces get a source that streams from storage (`source`), never held whole;
// networks that fetch a URL themselves get a short-lived signed link (`link`, media-links.ts).
import { type Db, mediaItems } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { type MediaLinkKeys, signMediaLink } from '../links/media-links';
import type { MediaStorage } from '../storage/storage';

export interface NetworkMediaFile {
  bytes: Buffer;
  mimeType: string;
  width: number | null;
  height: number | null;
}

export interface NetworkMediaLink {
  url: string;
  mimeType: string;
  width: number | null;
  height: number | null;
}

export function libraryReaderFor(deps: {
  db: Db;
  storage: MediaStorage;
  /** Signing links needs the address networks reach Cadence at; without it, no `link`. */
  links?: { publicUrl: string | undefined; keys: MediaLinkKeys; now: () => Date };
}) {
  const row = async (workspaceId: string, mediaId: string) =>
    (
      await deps.db
        .select()
        .from(mediaItems)
        .where(and(eq(mediaItems.workspaceId, workspaceId), eq(mediaItems.id, mediaId)))
    )[0];
  const links = deps.links;
  const publicUrl = links?.publicUrl;
  return {
    async read(
      workspaceId: string,
      mediaId: string,
      maxBytes: number,
    ): Promise<NetworkMediaFile | 'too_large' | null> {
      const item = await row(workspaceId, mediaId);
      if (!item) return null;
      if (item.bytes > maxBytes) return 'too_large';
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of await deps.storage.get(item.storageKey)) {
        total += (chunk as Buffer).length;
        // The row said it fits; a store that disagrees is not trusted past the limit.
        if (total > maxBytes) return 'too_large';
        chunks.push(chunk as Buffer);
      }
      return {
        bytes: Buffer.concat(chunks),
        mimeType: item.contentType,
        width: item.width,
        height: item.height,
      };
    },
    async source(workspaceId: string, mediaId: string, maxBytes: number) {
      const item = await row(workspaceId, mediaId);
      if (!item) return null;
      if (item.bytes > maxBytes) return 'too_large' as const;
      const key = item.storageKey;
      return {
        bytes: item.bytes,
        mimeType: item.contentType,
        width: item.width,
        height: item.height,
        open: (): Promise<AsyncIterable<Uint8Array>> => deps.storage.get(key),
      };
    },
    link:
      links && publicUrl
        ? async (
            workspaceId: string,
            mediaId: string,
            maxBytes: number,
          ): Promise<NetworkMediaLink | 'too_large' | null> => {
            const item = await row(workspaceId, mediaId);
            if (!item) return null;
            if (item.bytes > maxBytes) return 'too_large';
            return {
              url: signMediaLink({ publicUrl, keys: links.keys, mediaId: item.id, now: links.now() }),
              mimeType: item.contentType,
              width: item.width,
              height: item.height,
            };
          }
        : undefined,
  };
}
