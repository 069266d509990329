// Whether a character counts as a letter for the banned-phrase boundary rule. Asked at almost
// every position of a text, so answers are table look-ups; the Unicode regexes run once per
// distinct character.

const WORD = /[\p{L}\p{N}_]/u;
// Scripts written without spaces between words: there a phrase may sit inside a longer run.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

const UNKNOWN = 2;
// One entry per code unit value: 0 not a letter, 1 a letter, 2 not yet asked.
const BMP = new Uint8Array(0x10000).fill(UNKNOWN);

function classify(codePoint: number): boolean {
  const char = String.fromCodePoint(codePoint);
  return WORD.test(char) && !UNSPACED.test(char);
}

/** A letter, digit or underscore of a script written with spaces between words. */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint >= 0x10000) return classify(codePoint);
  let known = BMP[codePoint] as number;
  if (known === UNKNOWN) {
    // A lone surrogate is no letter; String.fromCodePoint keeps it lone, and the regexes say no.
    known = classify(codePoint) ? 1 : 0;
    BMP[codePoint] = known;
  }
  return known === 1;
}

/** The character starting at `index` (a whole surrogate pair when it starts one). */
export function isWordAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && isWordCodePoint(code);
}

/** The character ending just before `index` (a whole surrogate pair when one ends there). */
export function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint(text.codePointAt(index - 2) as number);
  }
  return isWordCodePoint(low);
}
