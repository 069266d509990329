// Who is signed in, whether first-run setup is needed, and the calls that change either.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '../../api/client';
import { isApiError, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type SessionBody = paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json'];
export type Session = SessionBody;
export type MembershipWorkspace = Session['workspaces'][number];
export type SetupInput = NonNullable<
  paths['/api/v1/setup']['post']['requestBody']
>['content']['application/json'];
export type LoginInput = NonNullable<
  paths['/api/v1/auth/login']['post']['requestBody']
>['content']['application/json'];

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = unwrap(await api.GET('/api/v1/auth/session'));
      rememberCsrfToken(session.csrfToken);
      performance.mark('cadence:session-answered');
      return session;
    } catch (e) {
      // Not signed in is an answer, not a failure.
      if (isApiError(e, 401)) {
        rememberCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: 5 * 60_000,
});

export const setupStatusQuery = queryOptions({
  queryKey: ['setup-status'],
  queryFn: async () => unwrap(await api.GET('/api/v1/setup')),
  staleTime: Number.POSITIVE_INFINITY,
});

export const useSession = () => useQuery(sessionQuery);
export const useSetupStatus = () => useQuery(setupStatusQuery);

function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    rememberCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionQuery.queryKey, session);
    queryClient.setQueryData(setupStatusQuery.queryKey, { needed: false });
  };
}

export function useSetup() {
  const store = useStoreSession();
  return useMutation({
    mutationFn: async (body: SetupInput) => unwrap(await api.POST('/api/v1/setup', { body })),
    onSuccess: store,
  });
}

export function useLogin() {
  const store = useStoreSession();
  return useMutation({
    mutationFn: async (body: LoginInput) => unwrap(await api.POST('/api/v1/auth/login', { body })),
    onSuccess: store,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/api/v1/auth/logout'));
    },
    onSettled: () => {
      rememberCsrfToken(null);
      // Nothing of the previous person may stay in memory for the next one.
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, null);
    },
  });
}
