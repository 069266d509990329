// The bell's data. Polled through react-query every 5 s while the tab is visible (and at once when
// it regains focus): no reload needed, no long-lived connection. See
// docs/decisions/0126-notifications-polling.md for why not server-sent events.
import type { NotificationDelivery, NotificationKind } from '@cadence/names';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

export const POLL_MS = 5_000;

const listQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['notifications', workspaceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/notifications', {
          params: { path: { workspaceId }, query: { limit: 30 } },
        }),
      ),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });

export const useNotifications = (workspaceId: string) => useQuery(listQuery(workspaceId));

export function useMarkRead(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids?: string[]) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/notifications/read', {
          params: { path: { workspaceId } },
          body: ids ? { ids } : {},
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listQuery(workspaceId).queryKey }),
  });
}

const preferencesQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['notification-preferences', workspaceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/notification-preferences', {
          params: { path: { workspaceId } },
        }),
      ),
  });

export const usePreferences = (workspaceId: string) => useQuery(preferencesQuery(workspaceId));

export function useUpdatePreferences(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      emailDigest?: boolean;
      weeklyReport?: boolean;
      kinds?: Partial<Record<NotificationKind, NotificationDelivery>>;
    }) =>
      unwrap(
        await api.PUT('/api/v1/workspaces/{workspaceId}/notification-preferences', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(preferencesQuery(workspaceId).queryKey, data),
  });
}

export const useOutbox = (workspaceId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['email-outbox', workspaceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/email-outbox', { params: { path: { workspaceId } } }),
      ).items,
    enabled,
  });
