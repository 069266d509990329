import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type TokensPath = paths['/api/v1/workspaces/{workspaceId}/api-tokens'];
export type ApiToken = TokensPath['get']['responses'][200]['content']['application/json']['items'][number];
export type TokenCreate = NonNullable<TokensPath['post']['requestBody']>['content']['application/json'];

const tokensQuery = (workspaceId: string) =>
  infiniteQueryOptions({
    queryKey: ['api-tokens', workspaceId],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/api-tokens', {
          params: { path: { workspaceId }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useApiTokens = (workspaceId: string) => useInfiniteQuery(tokensQuery(workspaceId));

export function useCreateToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TokenCreate) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/api-tokens', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQuery(workspaceId).queryKey }),
  });
}

export function useRevokeToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (tokenId: string) =>
      unwrap(
        await api.DELETE('/api/v1/workspaces/{workspaceId}/api-tokens/{tokenId}', {
          params: { path: { workspaceId, tokenId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensQuery(workspaceId).queryKey }),
  });
}
