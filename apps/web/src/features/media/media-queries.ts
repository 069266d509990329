// The media library from the web app: list, one item, describe, delete, fix, and uploads with
// progress (XMLHttpRequest: fetch cannot report upload progress).
import type { MediaKind } from '@cadence/names';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, currentCsrfToken } from '../../api/client';
import { ApiError, saidOf, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

export type LibraryItem =
  paths['/api/v1/workspaces/{workspaceId}/media/{mediaId}']['get']['responses'][200]['content']['application/json'];

export const mediaPath = (workspaceId: string, mediaId: string, what: 'content' | 'thumbnail') =>
  `/api/v1/workspaces/${workspaceId}/media/${mediaId}/${what}`;

/** A post's attachment from the library (its url is the item's path in the app): its thumbnail's path. */
export function libraryThumbnail(url: string): string | null {
  return /^\/api\/v1\/workspaces\/[0-9a-f-]{36}\/media\/[0-9a-f-]{36}\/content$/.test(url)
    ? url.replace(/\/content$/, '/thumbnail')
    : null;
}

const mediaKey = (workspaceId: string, mediaId: string) => ['media', workspaceId, mediaId] as const;

export function useMediaList(workspaceId: string, filter: { q: string; kind: MediaKind | '' }) {
  return useQuery({
    queryKey: ['media', workspaceId, 'list', filter],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/media', {
          params: {
            path: { workspaceId },
            query: {
              limit: 100,
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.kind ? { kind: filter.kind } : {}),
            },
          },
        }),
      ),
  });
}

/** The library facts of the items a draft uses (size, shape), for the charter's media rules. */
export function useMediaItems(workspaceId: string, ids: readonly string[]) {
  return useQueries({
    queries: [...new Set(ids)].map((mediaId) => ({
      queryKey: mediaKey(workspaceId, mediaId),
      queryFn: async () =>
        unwrap(
          await api.GET('/api/v1/workspaces/{workspaceId}/media/{mediaId}', {
            params: { path: { workspaceId, mediaId } },
          }),
        ),
      staleTime: 60_000,
    })),
    // Kept the same object while the answers are the same, so the live checks are not redone.
    combine: (results) => {
      const byId = new Map<string, LibraryItem>();
      for (const r of results) if (r.data) byId.set(r.data.id, r.data);
      return byId;
    },
  });
}

export function useMediaCache(workspaceId: string) {
  const client = useQueryClient();
  const remember = useCallback(
    (item: LibraryItem) => client.setQueryData(mediaKey(workspaceId, item.id), item),
    [client, workspaceId],
  );
  const refreshLists = useCallback(
    () => client.invalidateQueries({ queryKey: ['media', workspaceId, 'list'] }),
    [client, workspaceId],
  );
  return { remember, refreshLists };
}

export async function fixMedia(workspaceId: string, mediaId: string, network: 'bluesky' | 'instagram') {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/media/{mediaId}/fix', {
      params: { path: { workspaceId, mediaId } },
      body: { network },
    }),
  );
}

export async function updateMedia(
  workspaceId: string,
  mediaId: string,
  body: { alt?: Record<string, string> },
) {
  return unwrap(
    await api.PATCH('/api/v1/workspaces/{workspaceId}/media/{mediaId}', {
      params: { path: { workspaceId, mediaId } },
      body,
    }),
  );
}

export async function deleteMedia(workspaceId: string, mediaId: string) {
  const { error, response } = await api.DELETE('/api/v1/workspaces/{workspaceId}/media/{mediaId}', {
    params: { path: { workspaceId, mediaId } },
  });
  if (error) unwrap({ error, response });
}

/** One file into the library; `onProgress` gets 0..1 as the bytes leave. */
export function uploadMedia(
  workspaceId: string,
  file: File,
  from: 'library' | 'composer',
  onProgress: (fraction: number) => void,
): Promise<LibraryItem> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/workspaces/${workspaceId}/media?from=${from}`);
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's page): reported by status below.
      }
      if (xhr.status === 201) return resolve(body as LibraryItem);
      const error = (
        body as {
          error?: {
            code?: string;
            message?: string;
            messageCode?: unknown;
            params?: unknown;
            details?: unknown;
          };
        } | null
      )?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'unknown',
          error?.message ?? `HTTP ${xhr.status}`,
          error?.details as ApiError['details'],
          saidOf(error),
        ),
      );
    };
    xhr.onerror = () => reject(new TypeError('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
