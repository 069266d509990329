import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type MembersPath = paths['/api/v1/workspaces/{workspaceId}/members'];
export type Member = MembersPath['get']['responses'][200]['content']['application/json']['items'][number];
export type MemberAdd = NonNullable<MembersPath['post']['requestBody']>['content']['application/json'];

const membersQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['members', workspaceId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/workspaces/{workspaceId}/members', { params: { path: { workspaceId } } }))
        .items,
  });

export const useMembers = (workspaceId: string) => useQuery(membersQuery(workspaceId));

export function useAddMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MemberAdd) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/members', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQuery(workspaceId).queryKey }),
  });
}

export function useChangeRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: Member['role'] }) =>
      unwrap(
        await api.PATCH('/api/v1/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId, userId } },
          body: { role },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQuery(workspaceId).queryKey }),
  });
}
