// The workspace charter: the version in force, its history, saving a new version, the server check.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type CharterPath = paths['/api/v1/workspaces/{workspaceId}/charter'];
export type CharterVersion = CharterPath['get']['responses'][200]['content']['application/json'];
export type CharterSave = NonNullable<CharterPath['put']['requestBody']>['content']['application/json'];

export const charterQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['charter', workspaceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/charter', { params: { path: { workspaceId } } }),
      ),
    staleTime: 60_000,
  });

export const useCharter = (workspaceId: string) => useQuery(charterQuery(workspaceId));

export const useCharterVersions = (workspaceId: string) =>
  useQuery({
    queryKey: ['charter', workspaceId, 'versions'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/charter/versions', {
          params: { path: { workspaceId }, query: { limit: 50 } },
        }),
      ).items,
  });

export function useSaveCharter(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CharterSave) =>
      unwrap(
        await api.PUT('/api/v1/workspaces/{workspaceId}/charter', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(charterQuery(workspaceId).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['charter', workspaceId, 'versions'] });
    },
  });
}
