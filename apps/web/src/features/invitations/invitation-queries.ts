// The invited person's calls: what the link offers, accept signed in, or create an account.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { sessionQuery, setupStatusQuery } from '../session/session-queries';

export type Registration = NonNullable<
  paths['/api/v1/invitations/register']['post']['requestBody']
>['content']['application/json'];

export const useInvitationPreview = (token: string) =>
  useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: async () => unwrap(await api.POST('/api/v1/invitations/preview', { body: { token } })),
    enabled: token !== '',
    retry: false,
  });

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) =>
      unwrap(await api.POST('/api/v1/invitations/accept', { body: { token } })),
    // The session lists the workspaces: it now has one more.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
  });
}

export function useRegisterWithInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Registration) =>
      unwrap(await api.POST('/api/v1/invitations/register', { body })),
    onSuccess: ({ workspaceId: _joined, ...session }) => {
      rememberCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQuery.queryKey, session);
      queryClient.setQueryData(setupStatusQuery.queryKey, { needed: false });
    },
  });
}
