// What leaving a channel does to the inbox, said in the confirmation before it happens (decision
// 0271): "N conversations will be removed from the inbox". Rendered inside the dialog, so the
// count is asked for only when someone opens it, and is fresh then.
import { useTranslation } from 'react-i18next';
import { useChannelInboxCount } from './channel-queries';

export function ChannelInboxNotice({ workspaceId, channelId }: { workspaceId: string; channelId: string }) {
  const { t } = useTranslation();
  const count = useChannelInboxCount(workspaceId, channelId);
  if (count.isPending) return <p className="muted">{t('channels.inboxCounting')}</p>;
  if (count.isError) return <p className="muted">{t('channels.inboxCountUnknown')}</p>;
  return (
    <p data-testid="channel-inbox-count">
      {count.data === 0 ? t('channels.inboxNone') : t('channels.inboxRemoved', { count: count.data })}
    </p>
  );
}
