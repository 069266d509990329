import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBannedPhrases } from './banned-phrases';
import { CheckTooCostly, checkBudget } from './check-budget';
import { fold, foldTerm } from './fold';
import { parsePhrase } from './word-forms';

// The nested indexOf search the automaton replaced, kept as the oracle of what must match.
const WORD = /[\p{L}\p{N}_]/u;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c) && !UNSPACED.test(c);
const cpAt = (s: string, i: number) => {
  const code = s.codePointAt(i);
  return code === undefined ? undefined : String.fromCodePoint(code);
};
const cpBefore = (s: string, i: number) => {
  if (i <= 0) return undefined;
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s.charAt(i - 1);
};
function reference(text: string, phrases: string[]) {
  const folded = fold(text);
  const found: string[] = [];
  for (const phrase of phrases) {
    const { text: bare, wordForms } = parsePhrase(phrase);
    const needle = foldTerm(bare);
    if (needle === '') continue;
    const first = isWord(cpAt(needle, 0));
    const last = isWord(cpBefore(needle, needle.length));
    const t = folded.text;
    for (let at = t.indexOf(needle); at !== -1; at = t.indexOf(needle, at + 1)) {
      let after = at + needle.length;
      if (first && isWord(cpBefore(t, at))) continue;
      if (wordForms) while (isWord(cpAt(t, after))) after += (cpAt(t, after) as string).length;
      else if (last && isWord(cpAt(t, after))) continue;
      found.push(`${phrase}@${folded.starts[at]}-${folded.ends[after - 1]}`);
    }
  }
  return found.sort();
}

const piece = fc.constantFrom(
  'a',
  'b',
  'A',
  ' ',
  '  ',
  'é',
  'e\u0301',
  'É',
  '-',
  '+',
  '#',
  '日',
  '本',
  '😀',
  '𝐀',
  '_',
  '1',
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
// Some phrases end with the word-forms marker ("ab*"), read as such only after a letter.
const phrase = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([p, marked]) => `${p.join('')}${marked ? '*' : ''}`);

describe('findBannedPhrases: one pass with the boundaries of the old search', () => {
  it('finds exactly what the phrase-by-phrase search found', () => {
    fc.assert(
      fc.property(text, fc.array(phrase, { maxLength: 8 }), (t, phrases) => {
        const got = findBannedPhrases(fold(t), phrases, 10_000).map(
          (m) => `${m.phrase}@${m.range.start}-${m.range.end}`,
        );
        expect(got.sort()).toEqual(reference(t, phrases));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('findBannedPhrases: work bounded by the text, not by the phrases', () => {
  // Finding 1 of issue 10: candidates rejected by the boundary test never counted toward the limit,
  // so 500 long phrases against a long text ran phrases x text steps.
  const steps = (text: string, phrases: string[]) => {
    const budget = checkBudget(10_000_000);
    findBannedPhrases(fold(text), phrases, 50, budget);
    return 10_000_000 - budget.left;
  };

  it('reads 500 phrases of 180 characters against 100,000 characters in about one step a character', () => {
    const phrases = Array.from({ length: 500 }, (_, i) => `${'word '.repeat(35)}x${i}`);
    const text = 'word '.repeat(20_000);
    const spent = steps(text, phrases);
    expect(spent).toBeGreaterThanOrEqual(text.length);
    expect(spent).toBeLessThanOrEqual(2 * text.length);
  });

  it('skips needles that a letter after or before would reject without looking at them', () => {
    const nested = Array.from({ length: 200 }, (_, i) => 'a'.repeat(i + 1));
    expect(steps('a'.repeat(100_000), nested)).toBeLessThanOrEqual(2 * 100_000 + 50);
    // Every needle ends at each "b", but starts inside a word there: all rejected, none visited.
    const insideWords = Array.from({ length: 100 }, (_, i) => `b${' ab'.repeat(i)}`);
    expect(steps('ab '.repeat(33_000), insideWords)).toBeLessThanOrEqual(3 * 99_000);
  });

  it('reads the rest of a word once for any number of word-forms phrases ending in it', () => {
    const nested = Array.from({ length: 200 }, (_, i) => `${'a'.repeat(i + 1)}*`);
    // One 100,000-letter word: every phrase matches at its start, the word's end is found once.
    expect(steps('a'.repeat(100_000), nested)).toBeLessThanOrEqual(3 * 100_000 + 200);
    // Many words, each caught: each word's end is read once, on top of the text's length.
    const words = 'abc '.repeat(25_000);
    expect(steps(words, ['a*'])).toBeLessThanOrEqual(words.length + 50 * 4);
  });

  it('refuses once the budget of the check is spent', () => {
    const budget = checkBudget(1_000);
    expect(() => findBannedPhrases(fold('x'.repeat(1_001)), ['y'], 50, budget)).toThrow(CheckTooCostly);
    const shared = checkBudget(1_500);
    findBannedPhrases(fold('x'.repeat(1_000)), ['y'], 50, shared);
    expect(() => findBannedPhrases(fold('x'.repeat(1_000)), ['z'], 50, shared)).toThrow(CheckTooCostly);
  });
});
