// The three ways a person connects an account: the network's own sign-in page (OAuth), Bluesky's
// app password (checked by the server signing in), and a direct add (webhook, sandbox).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ChannelCreate } from './channel-queries';

export const OAUTH_NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'threads', 'mastodon'] as const;
export type OAuthNetwork = (typeof OAUTH_NETWORKS)[number];

const refreshChannels = (workspaceId: string, queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.invalidateQueries({ queryKey: ['channels', workspaceId] });

/** Asks the server for the network's sign-in address, then sends the browser there. */
export function useStartOAuth(
  workspaceId: string,
  go: (url: string) => void = (url) => window.location.assign(url),
) {
  return useMutation({
    mutationFn: async (body: { network: OAuthNetwork; instanceUrl?: string; channelId?: string }) => {
      const { authorizationUrl } = unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/connect/oauth', {
          params: { path: { workspaceId } },
          body,
        }),
      );
      go(authorizationUrl);
    },
  });
}

export function useConnectBluesky(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { identifier: string; appPassword: string; channelId?: string }) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/connect/bluesky', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () => refreshChannels(workspaceId, queryClient),
  });
}

/** Webhook and sandbox: the answer carries a webhook's generated secret, this once. */
export function useAddChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ChannelCreate) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/channels', {
          params: { path: { workspaceId } },
          body,
        }),
      ),
    onSuccess: () => refreshChannels(workspaceId, queryClient),
  });
}
