import type { TextRange } from '../../networks/entities';
import type { FoldedText } from './fold';
import { foldTerm } from './fold';

export interface PhraseMatch {
  phrase: string;
  range: TextRange;
}

const WORD = /[\p{L}\p{N}_]/u;
// Scripts written without spaces between words: there a phrase may sit inside a longer run.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

function isSpacedWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char) && !UNSPACED.test(char);
}

function codePointBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return isLowSurrogate && index >= 2 ? text.slice(index - 2, index) : text.charAt(index - 1);
}

function codePointAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

interface Needle {
  phrase: string;
  needle: string;
  firstIsWord: boolean;
  lastIsWord: boolean;
}

// A charter's list is checked against every target of every post: fold it once per list.
const prepared = new WeakMap<readonly string[], Needle[]>();

function needles(phrases: readonly string[]): Needle[] {
  let list = prepared.get(phrases);
  if (!list) {
    list = phrases.flatMap((phrase) => {
      const needle = foldTerm(phrase);
      if (needle === '') return [];
      const firstIsWord = isSpacedWordChar(codePointAt(needle, 0));
      const lastIsWord = isSpacedWordChar(codePointBefore(needle, needle.length));
      return [{ phrase, needle, firstIsWord, lastIsWord }];
    });
    prepared.set(phrases, list);
  }
  return list;
}

/**
 * Whole-word occurrences of `phrases` in `folded`, ranges in the original text. A phrase edge that
 * is a letter must not touch another letter, so "cafe" does not match "cafeteria", while a phrase
 * ending in punctuation ("c++") matches wherever it stands. Plain `indexOf`, no regex built from
 * user text. Stops after `limit` matches.
 */
export function findBannedPhrases(
  folded: FoldedText,
  phrases: readonly string[],
  limit: number,
): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const text = folded.text;
  for (const { phrase, needle, firstIsWord, lastIsWord } of needles(phrases)) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const after = at + needle.length;
      if (firstIsWord && isSpacedWordChar(codePointBefore(text, at))) continue;
      if (lastIsWord && isSpacedWordChar(codePointAt(text, after))) continue;
      const start = folded.starts[at] ?? 0;
      const end = folded.ends[after - 1] ?? start;
      found.push({ phrase, range: { start, end } });
      if (found.length >= limit) return found;
    }
  }
  return found;
}
