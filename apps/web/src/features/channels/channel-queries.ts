import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type ChannelsPath = paths['/api/v1/workspaces/{workspaceId}/channels'];
export type Channel = ChannelsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type ChannelCreate = NonNullable<ChannelsPath['post']['requestBody']>['content']['application/json'];
export type Network = Channel['network'];

const channelsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['channels', workspaceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/channels', { params: { path: { workspaceId } } }),
      ).items,
  });

export const useChannels = (workspaceId: string) => useQuery(channelsQuery(workspaceId));

export function useDeleteChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // 202 with { items, removal: 'queued' } when the channel had too many conversations to remove
    // at once: it stays, disconnected, until the background job has removed them (204 otherwise).
    mutationFn: async (channelId: string) =>
      unwrap(
        await api.DELETE('/api/v1/workspaces/{workspaceId}/channels/{channelId}', {
          params: { path: { workspaceId, channelId } },
        }),
      ) ?? null,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: channelsQuery(workspaceId).queryKey }),
        queryClient.invalidateQueries({ queryKey: ['inbox', workspaceId] }),
      ]),
  });
}

/** The conversations synced from a channel: what disconnecting or removing it deletes. */
const channelInboxQuery = (workspaceId: string, channelId: string) =>
  queryOptions({
    queryKey: ['inbox', workspaceId, 'channel', channelId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/inbox/channels/{channelId}', {
          params: { path: { workspaceId, channelId } },
        }),
      ),
  });

export const useChannelInboxCount = (workspaceId: string, channelId: string) =>
  useQuery({ ...channelInboxQuery(workspaceId, channelId), select: (d) => d.items });

/** Why the network will not let the channel's inbox be read (X's paid tier), or null. */
export const useChannelInboxUnavailable = (workspaceId: string, channelId: string) =>
  useQuery({ ...channelInboxQuery(workspaceId, channelId), select: (d) => d.unavailable });

export function useDisconnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (channelId: string) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/channels/{channelId}/disconnect', {
          params: { path: { workspaceId, channelId } },
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: channelsQuery(workspaceId).queryKey }),
        queryClient.invalidateQueries({ queryKey: ['inbox', workspaceId] }),
      ]),
  });
}
