// The React form of a card's stacked avatars (day list, hover card, list rows), each channel named
// in words for screen readers and on hover.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannels } from '../channels/channel-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import type { CalendarChannel } from './calendar-queries';
import {
  channelColour,
  channelColours,
  channelInitials,
  NETWORK_MARK,
  stackedChannels,
} from './channel-avatar';

/** Each channel's avatar colour, by the workspace's channel list (distinct for up to ten). */
export function useChannelColours(): ReadonlyMap<string, string> {
  const { workspace } = useCurrentWorkspace();
  const channels = useChannels(workspace.id);
  return useMemo(() => channelColours((channels.data ?? []).map((c) => c.id)), [channels.data]);
}

export function ChannelAvatars({
  channels,
  max = 3,
}: {
  channels: readonly CalendarChannel[];
  max?: number;
}) {
  const { t } = useTranslation();
  const { shown, more } = stackedChannels(channels, max);
  return (
    <span className="avatar-stack">
      {shown.map((c) => (
        <ChannelAvatar key={c.targetId} channelId={c.channelId} name={c.channelName} network={c.network} />
      ))}
      {more > 0 && <span className="channel-avatar channel-more">+{more}</span>}
      <span className="visually-hidden">
        {channels.map((c) => `${c.channelName} (${t(`networks.${c.network}`)})`).join(', ')}
      </span>
    </span>
  );
}

export function ChannelAvatar({
  channelId,
  name,
  network,
}: {
  channelId: string;
  name: string;
  network: string;
}) {
  const { t } = useTranslation();
  const colours = useChannelColours();
  return (
    <span
      className="channel-avatar"
      style={{ backgroundColor: channelColour(channelId, colours) }}
      title={`${name} · ${t(`networks.${network}`)}`}
      aria-hidden="true"
    >
      {channelInitials(name)}
      <span className={`network-mark network-${network}`}>{NETWORK_MARK[network] ?? '?'}</span>
    </span>
  );
}
