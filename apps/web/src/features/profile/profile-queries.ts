// The signed-in person's own name, language and password. The session carries the name and
// language, so it is refreshed after a change.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { sessionQuery } from '../session/session-queries';

export type ProfilePatch = NonNullable<
  paths['/api/v1/auth/profile']['patch']['requestBody']
>['content']['application/json'];

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProfilePatch) => unwrap(await api.PATCH('/api/v1/auth/profile', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
  });
}

/** Records the language chosen in the header as the person's own, so their emails follow it. */
export async function saveLanguage(locale: 'en' | 'fr'): Promise<void> {
  unwrap(await api.PATCH('/api/v1/auth/profile', { body: { locale } }));
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      unwrap(await api.POST('/api/v1/auth/password', { body }));
    },
  });
}
