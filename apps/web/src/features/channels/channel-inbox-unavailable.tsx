// Why the inbox stays empty for a channel that publishes fine: the network will not let this
// access read it (X reads mentions only on a paid API plan). Said in the reader's language from the
// server's code (decision 0299), with what to do, never as the network's English.
import { useTranslation } from 'react-i18next';
import { useChannelInboxUnavailable } from './channel-queries';

export function ChannelInboxUnavailable({
  workspaceId,
  channelId,
}: {
  workspaceId: string;
  channelId: string;
}) {
  const { t } = useTranslation();
  const unavailable = useChannelInboxUnavailable(workspaceId, channelId);
  if (!unavailable.data) return null;
  return (
    <p className="muted" data-testid="channel-inbox-unavailable">
      {t(`channels.inboxUnavailable.${unavailable.data}`)}
    </p>
  );
}
