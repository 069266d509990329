import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { roleAtLeast } from '../../ui/roles';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import { ChannelInboxNotice } from './channel-inbox-notice';
import { ChannelInboxUnavailable } from './channel-inbox-unavailable';
import { type Channel, useChannels, useDeleteChannel, useDisconnectChannel } from './channel-queries';
import { ConnectButtons, ReconnectButton } from './connect-buttons';
import { ConnectOutcome } from './connect-outcome';
import { QueueSlotsEditor } from './queue-slots-editor';

const STATUS_ICON: Record<Channel['status'], string> = {
  connected: '●',
  needs_reconnect: '▲',
  disconnected: '○',
};

export function ChannelsPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const channels = useChannels(workspace.id);
  const remove = useDeleteChannel(workspace.id);
  const disconnect = useDisconnectChannel(workspace.id);
  const canManage = roleAtLeast(workspace.role, 'manager');

  return (
    <section className="page" aria-labelledby="channels-title">
      <h1 id="channels-title">{t('nav.channels')}</h1>
      <ConnectOutcome channels={channels.data} />
      {channels.isPending ? (
        <Loading />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <EmptyState title={t('channels.empty')}>
          <p className="muted">{canManage ? t('channels.emptyHint') : t('channels.emptyHintViewer')}</p>
        </EmptyState>
      ) : (
        <ul className="channel-list">
          {channels.data.map((c) => (
            <li key={c.id} className="channel">
              <div>
                <strong>{c.displayName}</strong> <span className="muted">{c.handle}</span>
                <div className="muted">{t(`networks.${c.network}`)}</div>
              </div>
              <div className={`status status-${c.status}`}>
                <span aria-hidden="true">{STATUS_ICON[c.status]}</span> {t(`channels.status.${c.status}`)}
                {c.statusReason && (
                  // The network's own words (a token refresh refused...), quoted as such, not translated.
                  <div className="muted">
                    {t('channels.networkSaid')}{' '}
                    <q lang="en" translate="no">
                      {c.statusReason}
                    </q>
                  </div>
                )}
                {canManage && c.status === 'needs_reconnect' && (
                  <ReconnectButton workspaceId={workspace.id} channel={c} />
                )}
                {/* Only X has a reason today (its paid API tier); other channels ask nothing. */}
                {c.network === 'x' && c.status === 'connected' && (
                  <ChannelInboxUnavailable workspaceId={workspace.id} channelId={c.id} />
                )}
              </div>
              <details className="channel-queue">
                <summary>{t('queue.title')}</summary>
                <QueueSlotsEditor workspaceId={workspace.id} channelId={c.id} canEdit={canManage} />
              </details>
              {canManage && (
                <div className="channel-actions">
                  {c.status !== 'disconnected' && (
                    <ConfirmDialog
                      trigger={
                        <button type="button" className="btn btn-small">
                          {t('channels.disconnect')}
                        </button>
                      }
                      title={t('channels.disconnectTitle', { name: c.displayName })}
                      body={
                        <>
                          <p>{t('channels.disconnectBody')}</p>
                          <ChannelInboxNotice workspaceId={workspace.id} channelId={c.id} />
                        </>
                      }
                      confirmLabel={t('channels.disconnect')}
                      onConfirm={() => disconnect.mutate(c.id)}
                    />
                  )}
                  <ConfirmDialog
                    trigger={
                      <button type="button" className="btn btn-small btn-danger">
                        {t('channels.delete')}
                      </button>
                    }
                    title={t('channels.deleteTitle', { name: c.displayName })}
                    body={
                      <>
                        <p>{t('channels.deleteBody')}</p>
                        <ChannelInboxNotice workspaceId={workspace.id} channelId={c.id} />
                      </>
                    }
                    confirmLabel={t('channels.delete')}
                    onConfirm={() => remove.mutate(c.id)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.data && (
        <p role="status" className="muted">
          {t('channels.removingLater', { count: remove.data.items })}
        </p>
      )}
      {disconnect.data?.revocation === 'failed' && (
        <div className="banner banner-warn" role="status">
          {t('channels.revocationFailed', {
            name: disconnect.data.channel.displayName,
            network: t(`networks.${disconnect.data.channel.network}`),
          })}
        </div>
      )}
      <InlineError error={remove.error ?? disconnect.error} />
      {canManage && <ConnectButtons workspaceId={workspace.id} />}
    </section>
  );
}
