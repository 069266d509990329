// The colour of a calendar card by the chosen mode; the legend names each colour, so colour is
// never the only signal (the card also says its network and status in words on hover/focus).
import type { CalendarItem } from './calendar-queries';
import type { ColorMode } from './calendar-url';

const NETWORK_COLOURS: Record<string, string> = {
  x: '#111111',
  mastodon: '#6364ff',
  bluesky: '#1185fe',
  linkedin: '#0a66c2',
  facebook: '#1877f2',
  instagram: '#c13584',
  threads: '#444444',
  sandbox: '#137333',
  webhook: '#a15c00',
};
const NONE = '#8a8f9c';

export interface Pillar {
  id: string;
  name: string;
  colour: string;
}

export function eventColour(item: CalendarItem, mode: ColorMode, pillars: readonly Pillar[]): string {
  // A post on several networks takes its first channel's colour; the avatars name them all.
  if (mode === 'network') return NETWORK_COLOURS[item.channels[0]?.network ?? ''] ?? NONE;
  if (mode === 'pillar') return pillars.find((p) => p.id === item.pillarId)?.colour ?? NONE;
  return item.campaignColour ?? NONE;
}

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
}

/** The distinct colours on screen with their names, for the legend. */
export function legendFor(
  items: readonly CalendarItem[],
  mode: ColorMode,
  pillars: readonly Pillar[],
  none: string,
  networkName: (n: string) => string,
): LegendEntry[] {
  const out = new Map<string, LegendEntry>();
  for (const item of items) {
    if (mode === 'network') {
      for (const c of item.channels) {
        const colour = NETWORK_COLOURS[c.network] ?? NONE;
        if (!out.has(c.network))
          out.set(c.network, { key: c.network, label: networkName(c.network), colour });
      }
      continue;
    }
    const colour = eventColour(item, mode, pillars);
    const [key, label] =
      mode === 'pillar'
        ? [item.pillarId ?? '', pillars.find((p) => p.id === item.pillarId)?.name ?? none]
        : [item.campaignId ?? '', item.campaignName ?? none];
    if (!out.has(key)) out.set(key, { key, label, colour });
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label));
}
