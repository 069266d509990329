// One segmenter for the whole process: building one is far costlier than using it.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface Grapheme {
  segment: string;
  /** UTF-16 index of the first code unit. */
  index: number;
}

const isAscii = (code: number) => code < 0x80;
const CR = 13;
const LF = 10;

/**
 * The grapheme clusters of `text`, from Intl.Segmenter. Segmenting costs about half a microsecond
 * per character on Node 20, which dominated the checker, so runs of plain ASCII skip it: by the
 * Unicode rules (UAX #29) there is always a boundary between two ASCII characters other than
 * CR LF, since no ASCII character extends, joins or prepends. Everything else, and the ASCII
 * character just before it (a possible base for an accent or keycap), goes through the segmenter.
 * The property test in graphemes.test.ts holds this to the segmenter's own output.
 */
export function graphemes(text: string): Grapheme[] {
  const found: Grapheme[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1); // NaN past the end
    if (isAscii(code) && !(next >= 0x80) && !(code === CR && next === LF)) {
      found.push({ segment: text.charAt(i), index: i });
      i++;
      continue;
    }
    // Extend the stretch to the next point where two ASCII characters meet (a sure boundary).
    let end = i + 1;
    while (end < length) {
      const before = text.charCodeAt(end - 1);
      const after = text.charCodeAt(end);
      if (isAscii(before) && isAscii(after) && !(before === CR && after === LF)) break;
      end++;
    }
    const stretch = end - i === length ? text : text.slice(i, end);
    for (const { segment, index } of segmenter.segment(stretch)) found.push({ segment, index: i + index });
    i = end;
  }
  return found;
}

export function countGraphemes(text: string): number {
  return graphemes(text).length;
}

// `\p{RGI_Emoji}` (the Unicode list of recommended emoji, kept current by the JS engine) needs the
// regex `v` flag. It goes through the constructor because TypeScript refuses the literal below an
// ES2024 target, and browsers older than 2023 lack the flag: there we fall back to pictographs.
const RGI_EMOJI = buildEmojiPattern();

function buildEmojiPattern(): RegExp {
  try {
    // biome-ignore lint/complexity/useRegexLiterals: a literal would be a syntax error where `v` is unsupported, and TypeScript rejects it below ES2024
    return new RegExp('^\\p{RGI_Emoji}$', 'v');
  } catch {
    return /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;
  }
}

/** True when one grapheme cluster is an emoji as a person sees it (flags, ZWJ families, keycaps). */
export function isEmojiGrapheme(segment: string): boolean {
  // No emoji is a single code unit below U+2000 (© and ® need U+FE0F): skip the regex for text.
  if (segment.length === 1 && segment.charCodeAt(0) < 0x2000) return false;
  return RGI_EMOJI.test(segment);
}

const encoder = new TextEncoder();

/** Bytes once encoded as UTF-8; a lone surrogate becomes U+FFFD (3 bytes), as it would on the wire. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
