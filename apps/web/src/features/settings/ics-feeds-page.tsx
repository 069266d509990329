// Calendar feeds (ICS): a secret URL to subscribe from Google Calendar or Outlook, shown once with
// Copy. Regenerate = revoke this URL and issue a new one with the same filters.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { CopyButton } from '../../ui/copy-button';
import { roleAtLeast } from '../../ui/roles';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states';
import { formatDateTime } from '../../ui/format';
import { useCampaigns } from '../campaigns/campaign-queries';
import { useChannels } from '../channels/channel-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { ScrollTable } from '../../ui/scroll-table';

type FeedsPath = paths['/api/v1/workspaces/{workspaceId}/ics-feeds'];
type Feed = FeedsPath['get']['responses'][200]['content']['application/json']['items'][number];
type FeedCreate = NonNullable<FeedsPath['post']['requestBody']>['content']['application/json'];

export function IcsFeedsPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const key = ['ics-feeds', workspace.id];
  const path = { path: { workspaceId: workspace.id } };
  const canManage = roleAtLeast(workspace.role, 'manager');
  const feeds = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/ics-feeds', {
          params: { ...path, query: { limit: 100 } },
        }),
      ).items,
    enabled: canManage,
  });
  const campaigns = useCampaigns(workspace.id);
  const channels = useChannels(workspace.id);
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const [name, setName] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [channelId, setChannelId] = useState('');
  const create = useMutation({
    mutationFn: async (body: FeedCreate) =>
      unwrap(await api.POST('/api/v1/workspaces/{workspaceId}/ics-feeds', { params: path, body })),
    onSuccess: (feed) => {
      setCreated({ name: feed.name, url: feed.url });
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: async (feedId: string) => {
      unwrap(
        await api.DELETE('/api/v1/workspaces/{workspaceId}/ics-feeds/{feedId}', {
          params: { path: { workspaceId: workspace.id, feedId } },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const regenerate = async (feed: Feed) => {
    await revoke.mutateAsync(feed.id);
    create.mutate({ name: feed.name, campaignId: feed.campaignId, channelId: feed.channelId });
  };

  if (!canManage) return <p className="muted">{t('ics.managersOnly')}</p>;
  const scopeOf = (f: Feed) =>
    [
      campaigns.data?.find((c) => c.id === f.campaignId)?.name,
      channels.data?.find((c) => c.id === f.channelId)?.displayName,
    ]
      .filter(Boolean)
      .join(' · ') || t('ics.everything');
  return (
    <div>
      <p className="muted">{t('ics.intro')}</p>
      {created && (
        <div className="secret-once" role="status">
          <strong>{t('ics.created', { name: created.name })}</strong>
          <span>{t('ics.secretOnce')}</span>
          <code className="secret" data-testid="ics-url">
            {created.url}
          </code>
          <CopyButton value={created.url} />
          <button type="button" className="btn btn-small" onClick={() => setCreated(null)}>
            {t('tokens.secretDone')}
          </button>
        </div>
      )}
      {feeds.isPending ? (
        <Loading />
      ) : feeds.isError ? (
        <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : feeds.data.length === 0 ? (
        <EmptyState title={t('ics.empty')} />
      ) : (
        <ScrollTable label={t('ics.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ics.name')}</th>
                <th scope="col">{t('ics.scope')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {feeds.data.map((f) => (
                <tr key={f.id} className={f.revokedAt ? 'row-muted' : undefined}>
                  <td>{f.name}</td>
                  <td>{scopeOf(f)}</td>
                  <td>
                    <code translate="no">{f.prefix}</code>
                  </td>
                  <td>
                    {f.revokedAt ? (
                      t('tokens.revokedOn', {
                        date: formatDateTime(f.revokedAt, i18n.language, workspace.timezone),
                      })
                    ) : (
                      <span className="button-group">
                        <button type="button" className="btn btn-small" onClick={() => void regenerate(f)}>
                          {t('ics.regenerate')}
                        </button>
                        <ConfirmDialog
                          trigger={
                            <button type="button" className="btn btn-small btn-danger">
                              {t('tokens.revoke')}
                            </button>
                          }
                          title={t('ics.revokeTitle', { name: f.name })}
                          body={<p>{t('ics.revokeBody')}</p>}
                          confirmLabel={t('tokens.revoke')}
                          onConfirm={() => revoke.mutate(f.id)}
                        />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <InlineError error={revoke.error} />
      <form
        className="form form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim())
            create.mutate({
              name: name.trim(),
              campaignId: campaignId || null,
              channelId: channelId || null,
            });
        }}
        aria-labelledby="ics-create-title"
      >
        <h2 id="ics-create-title">{t('ics.create')}</h2>
        <div className="field">
          <label htmlFor="ics-name">{t('ics.name')}</label>
          <input id="ics-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ics-campaign">{t('composer.campaign')}</label>
          <select id="ics-campaign" value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
            <option value="">{t('ics.everything')}</option>
            {(campaigns.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ics-channel">{t('post.channel')}</label>
          <select id="ics-channel" value={channelId} onChange={(e) => setChannelId(e.target.value)}>
            <option value="">{t('ics.everything')}</option>
            {(channels.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </div>
        <InlineError error={create.error} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !name.trim()}>
          {t('ics.createSubmit')}
        </button>
      </form>
    </div>
  );
}
