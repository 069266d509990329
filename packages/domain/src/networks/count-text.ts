import { type TextAnalysis, analyseText } from './analyse-text';
import type { TextRange } from './entities';
import { countGraphemes, utf8Length } from './graphemes';
import { networkLimits } from './limits';
import type { Network } from './schemas';

/** What X and Mastodon count a link as, whatever its length (X's t.co wrapper). */
export const SHORTENED_URL_LENGTH = 23;

// X's counting config v3 (twitter-text `config/v3.json`): code points in these ranges weigh 1,
// every other code point 2, an emoji sequence 2 as a whole, a URL 23. Limit 280.
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function xCodePointWeight(codePoint: number): number {
  for (const [from, to] of X_LIGHT_RANGES) if (codePoint >= from && codePoint <= to) return 1;
  return 2;
}

function xGraphemeWeight(segment: string): number {
  if (segment.length === 1 && segment.charCodeAt(0) <= 4351) return 1;
  let weight = 0;
  // X weighs the NFC form, so "e" + U+0301 weighs as one "é". Composition stays within a grapheme.
  for (const char of segment.normalize('NFC')) weight += xCodePointWeight(char.codePointAt(0) ?? 0);
  return weight;
}

/** A stretch of text that a network counts as a fixed weight (a shortened link, a mention). */
interface Replacement extends TextRange {
  weight: number;
}

function replacements(network: Network, analysis: TextAnalysis): Replacement[] {
  const { urls, mentions } = analysis.entities;
  switch (networkLimits(network).counting) {
    case 'x-weighted':
      return urls.map((u) => ({ start: u.start, end: u.end, weight: SHORTENED_URL_LENGTH }));
    case 'mastodon': {
      // Mastodon's StatusLengthValidator shortens only links with a scheme, and counts a remote
      // mention `@user@domain` as `@user`.
      const links = urls.filter((u) => u.hasScheme);
      const remote = mentions.filter((m) => m.domain !== undefined);
      return [
        ...links.map((u) => ({ start: u.start, end: u.end, weight: SHORTENED_URL_LENGTH })),
        ...remote.map((m) => ({ start: m.start, end: m.end, weight: 1 + countGraphemes(m.username) })),
      ].sort((a, b) => a.start - b.start);
    }
    default:
      return [];
  }
}

export interface Measure {
  count: number;
  /** UTF-16 index of the first grapheme that takes the count past `max`, if it goes past. */
  overflowAt?: number;
}

/** One pass over an analysed text: its length as `network` counts it, and where it overflows. */
export function measureText(
  network: Network,
  analysis: TextAnalysis,
  max = Number.POSITIVE_INFINITY,
): Measure {
  const counting = networkLimits(network).counting;
  const emoji = new Set(analysis.entities.emoji.map((e) => e.start));
  const replaced = replacements(network, analysis);
  let next = 0;
  let counted = -1;
  let count = 0;
  let overflowAt: number | undefined;
  const add = (index: number, weight: number) => {
    count += weight;
    if (overflowAt === undefined && count > max) overflowAt = index;
  };
  for (const { segment, index } of analysis.graphemes) {
    let r = replaced[next];
    while (r && index >= r.end) r = replaced[++next];
    if (r && index >= r.start) {
      // The whole stretch weighs once, at its first grapheme.
      if (counted !== next) add(index, r.weight);
      counted = next;
      continue;
    }
    const isEmoji = emoji.has(index);
    if (counting === 'x-weighted') add(index, isEmoji ? 2 : xGraphemeWeight(segment));
    // Threads documents that an emoji counts as its UTF-8 length (a family emoji is 25).
    else if (counting === 'threads') add(index, isEmoji ? utf8Length(segment) : 1);
    else add(index, 1);
  }
  return overflowAt === undefined ? { count } : { count, overflowAt };
}

/** The length of `text` as `network` measures it against its own limit. */
export function countText(network: Network, text: string): number {
  return measureText(network, analyseText(text)).count;
}
