// A channel's avatar: its initials on a colour of its own, with a small network mark. Two channels
// of one network ("Acme FR" and "Acme EN" on LinkedIn) must not look alike, so the colour comes
// from the channel's id, not from its network; the network shows in the mark and in words.
import type { CalendarChannel } from './calendar-queries';

/** Up to two letters: the first of the first two words, or the first two of a single word. */
export function channelInitials(name: string): string {
  const words = name
    .replace(/^[@#]/, '')
    .split(/[\s_.\-@/]+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return '?';
  const letters =
    words.length === 1
      ? [...(words[0] ?? '')].filter((c) => /[\p{L}\p{N}]/u.test(c)).slice(0, 2)
      : words.slice(0, 2).map((w) => [...w].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '');
  return letters.join('').toUpperCase() || '?';
}

// Ten hues far apart, dark enough for white text (WCAG AA at 11px bold).
const CHANNEL_PALETTE = [
  '#1f5fa8',
  '#a23b72',
  '#2e7d32',
  '#b35c00',
  '#5e35b1',
  '#00796b',
  '#b3261e',
  '#455a64',
  '#6d4c41',
  '#827717',
];

/**
 * Colours by the workspace's channel order, so up to ten channels never share one; a channel
 * the list does not know (yet) gets one from its id.
 */
export function channelColours(channelIds: readonly string[]): Map<string, string> {
  return new Map(channelIds.map((id, i) => [id, CHANNEL_PALETTE[i % CHANNEL_PALETTE.length] ?? '#455a64']));
}

/** A stable colour per channel id, for channels outside the known list. */
export function channelColour(channelId: string, known?: ReadonlyMap<string, string>): string {
  const assigned = known?.get(channelId);
  if (assigned) return assigned;
  let hash = 0;
  for (const c of channelId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return CHANNEL_PALETTE[hash % CHANNEL_PALETTE.length] ?? '#455a64';
}

/** One or two characters that stand for the network in the avatar's corner. */
export const NETWORK_MARK: Record<string, string> = {
  x: 'X',
  mastodon: 'M',
  bluesky: 'B',
  linkedin: 'in',
  facebook: 'f',
  instagram: 'IG',
  threads: '@',
  sandbox: 'S',
  webhook: 'W',
};

/** The avatars of a card: distinct channels, as many as fit, then "+N". */
export function stackedChannels(channels: readonly CalendarChannel[], max = 3) {
  return { shown: channels.slice(0, max), more: Math.max(0, channels.length - max) };
}

/** The status a card shows: a missed channel is said as such even while the post says scheduled. */
export function cardStatus(item: { status: string; channels: readonly { targetStatus: string }[] }): string {
  if (
    (item.status === 'scheduled' || item.status === 'failed') &&
    item.channels.some((c) => c.targetStatus === 'missed')
  )
    return 'missed';
  return item.status;
}
