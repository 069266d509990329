// Campaigns with their posts counted by status.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type CampaignsPath = paths['/api/v1/workspaces/{workspaceId}/campaigns'];
type CampaignPath = paths['/api/v1/workspaces/{workspaceId}/campaigns/{campaignId}'];
export type Campaign = CampaignPath['get']['responses'][200]['content']['application/json'];
export type CampaignCreate = NonNullable<CampaignsPath['post']['requestBody']>['content']['application/json'];

const campaignsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['campaigns', workspaceId, 'list'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/campaigns', {
          params: { path: { workspaceId }, query: { limit: 200 } },
        }),
      ).items,
    staleTime: 30_000,
  });

export const useCampaigns = (workspaceId: string) => useQuery(campaignsQuery(workspaceId));

export const useCampaign = (workspaceId: string, campaignId: string | undefined) =>
  useQuery({
    queryKey: ['campaigns', workspaceId, 'one', campaignId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/campaigns/{campaignId}', {
          params: { path: { workspaceId, campaignId: campaignId ?? '' } },
        }),
      ),
    enabled: Boolean(campaignId),
  });

export function useSaveCampaign(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string | null; body: CampaignCreate }) =>
      id
        ? unwrap(
            await api.PATCH('/api/v1/workspaces/{workspaceId}/campaigns/{campaignId}', {
              params: { path: { workspaceId, campaignId: id } },
              body,
            }),
          )
        : unwrap(
            await api.POST('/api/v1/workspaces/{workspaceId}/campaigns', {
              params: { path: { workspaceId } },
              body,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', workspaceId] }),
  });
}
