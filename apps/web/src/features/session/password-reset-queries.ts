// "Forgot password": ask for a link by email, then set a new password with it.
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

export function useAskPasswordReset() {
  return useMutation({
    mutationFn: async (email: string) =>
      unwrap(await api.POST('/api/v1/auth/password-reset', { body: { email } })),
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) =>
      unwrap(await api.POST('/api/v1/auth/password-reset/complete', { body })),
  });
}
