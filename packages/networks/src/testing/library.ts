// In-memory stand-ins for the media library and the upload memory, shaped like the database-backed
// ones the publisher passes (packages/media libraryReaderFor, databaseRemoteUploads).
import type { LibraryFile, MediaLibraryReader, RemoteUploads } from '../network-http/library-media';
import { PNG } from './server';

export const LIBRARY_ITEM = '0b6f1a52-3c1e-4f7e-9a57-8d2f0c6a1b23';

const DEFAULT_ITEMS = {
  [LIBRARY_ITEM]: {
    workspaceId: 'ws-1',
    file: { bytes: PNG, mimeType: 'image/png', width: 1200, height: 800 },
  },
};

/**
 * `linkTo(mediaId)`: where the reader's signed links point (the real ones are checked by the API's
 * test); without it the reader gives no links, as when PUBLIC_URL is unset.
 */
export function fakeLibrary(
  items: Record<string, { workspaceId: string; file: LibraryFile }> = DEFAULT_ITEMS,
  linkTo?: (mediaId: string) => string,
): MediaLibraryReader & { linked: string[]; streamed: { mediaId: string; chunks: number }[] } {
  const linked: string[] = [];
  const streamed: { mediaId: string; chunks: number }[] = [];
  return {
    linked,
    streamed,
    // Like a store's stream: the bytes in 16 KiB chunks, counted as they are read.
    async source(workspaceId, mediaId, maxBytes) {
      const item = items[mediaId];
      if (!item || item.workspaceId !== workspaceId) return null;
      if (item.file.bytes.length > maxBytes) return 'too_large';
      const { bytes, ...facts } = item.file;
      return {
        ...facts,
        bytes: bytes.length,
        open: async () => {
          const record = { mediaId, chunks: 0 };
          streamed.push(record);
          return (async function* () {
            for (let at = 0; at < bytes.length; at += 16 * 1024) {
              record.chunks += 1;
              yield bytes.subarray(at, at + 16 * 1024);
            }
          })();
        },
      };
    },
    link: linkTo
      ? async (workspaceId, mediaId, maxBytes) => {
          const item = items[mediaId];
          if (!item || item.workspaceId !== workspaceId) return null;
          if (item.file.bytes.length > maxBytes) return 'too_large';
          linked.push(mediaId);
          const { bytes: _bytes, ...facts } = item.file;
          return { ...facts, url: linkTo(mediaId) };
        }
      : undefined,
    async read(workspaceId, mediaId, maxBytes) {
      const item = items[mediaId];
      if (!item || item.workspaceId !== workspaceId) return null;
      return item.file.bytes.length > maxBytes ? 'too_large' : item.file;
    },
  };
}

export function memoryUploads(): RemoteUploads & { saved: Map<string, unknown> } {
  const saved = new Map<string, unknown>();
  return {
    saved,
    async recall(targetId, key) {
      return saved.get(`${targetId}/${key}`);
    },
    async remember(targetId, key, remote) {
      if (!saved.has(`${targetId}/${key}`)) saved.set(`${targetId}/${key}`, remote);
    },
    async forget(targetId, key) {
      saved.delete(`${targetId}/${key}`);
    },
  };
}

export const libraryRef = (alt: string) => ({
  url: `/api/v1/workspaces/ws-1/media/${LIBRARY_ITEM}/content`,
  alt,
  kind: 'image' as const,
  mediaId: LIBRARY_ITEM,
});
