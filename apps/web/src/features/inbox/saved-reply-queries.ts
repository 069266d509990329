// Saved replies over the typed client: one list per workspace (at most 200, read whole), and the
// writes, each refreshing it. An edit sends the `updatedAt` it started from (409 when stale).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type ListPath = paths['/api/v1/workspaces/{workspaceId}/inbox/saved-replies'];
export type SavedReply = ListPath['get']['responses'][200]['content']['application/json']['items'][number];
export interface SavedReplyDraft {
  title: string;
  body: string;
}

const key = (workspaceId: string) => ['inbox', workspaceId, 'saved-replies'] as const;

export const useSavedReplies = (workspaceId: string) =>
  useQuery({
    queryKey: key(workspaceId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/inbox/saved-replies', {
          params: { path: { workspaceId } },
        }),
      ),
    select: (data) => data.items,
  });

/** Creates when `id` is absent, else edits from the version read. */
export function useSaveSavedReply(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ editing, draft }: { editing: SavedReply | null; draft: SavedReplyDraft }) =>
      editing
        ? unwrap(
            await api.PUT('/api/v1/workspaces/{workspaceId}/inbox/saved-replies/{savedReplyId}', {
              params: { path: { workspaceId, savedReplyId: editing.id } },
              body: { ...draft, updatedAt: editing.updatedAt },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/workspaces/{workspaceId}/inbox/saved-replies', {
              params: { path: { workspaceId } },
              body: draft,
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}

export function useDeleteSavedReply(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (savedReplyId: string) =>
      unwrap(
        await api.DELETE('/api/v1/workspaces/{workspaceId}/inbox/saved-replies/{savedReplyId}', {
          params: { path: { workspaceId, savedReplyId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}
