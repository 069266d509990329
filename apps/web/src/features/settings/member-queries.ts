// Members and invitations of the current workspace: list, invite, revoke, change role, remove.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type MembersPath = paths['/api/v1/workspaces/{workspaceId}/members'];
type InvitationsPath = paths['/api/v1/workspaces/{workspaceId}/invitations'];
export type Member = MembersPath['get']['responses'][200]['content']['application/json']['items'][number];
export type InvitationCreate = NonNullable<
  InvitationsPath['post']['requestBody']
>['content']['application/json'];

const membersQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['members', workspaceId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/workspaces/{workspaceId}/members', { params: { path: { workspaceId } } }))
        .items,
  });

const invitationsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['invitations', workspaceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/invitations', { params: { path: { workspaceId } } }),
      ).items,
  });

export const useMembers = (workspaceId: string) => useQuery(membersQuery(workspaceId));
export const useInvitations = (workspaceId: string, enabled: boolean) =>
  useQuery({ ...invitationsQuery(workspaceId), enabled });

export function useInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InvitationCreate) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/invitations', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQuery(workspaceId).queryKey }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (invitationId: string) => {
      unwrap(
        await api.DELETE('/api/v1/workspaces/{workspaceId}/invitations/{invitationId}', {
          params: { path: { workspaceId, invitationId } },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsQuery(workspaceId).queryKey }),
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

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) => {
      unwrap(
        await api.DELETE('/api/v1/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId, userId } },
        }),
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: membersQuery(workspaceId).queryKey });
      // Their tokens and feeds were revoked with them.
      void queryClient.invalidateQueries({ queryKey: ['api-tokens', workspaceId] });
      void queryClient.invalidateQueries({ queryKey: ['ics-feeds', workspaceId] });
    },
  });
}
