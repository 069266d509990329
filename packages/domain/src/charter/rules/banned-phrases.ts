import type { TextRange } from '../../networks/entities';
import type { FoldedText } from './fold';
import { type CheckBudget, checkBudget, spend } from './check-budget';
import { foldTerm } from './fold';
import { buildAutomaton, type PhraseAutomaton, symbolsAt } from './phrase-automaton';
import { isWordAt } from './word-chars';
import { parsePhrase } from './word-forms';

export interface PhraseMatch {
  phrase: string;
  range: TextRange;
}

// A charter's list is checked against every target of every post: build it once per list. The
// same list arrives as a new array each time a charter is read from the database, so lists are
// also remembered by content (the last few: one per charter and campaign in use).
const byIdentity = new WeakMap<readonly string[], PhraseAutomaton>();
const byContent = new Map<string, PhraseAutomaton>();
const REMEMBERED_LISTS = 64;

function automaton(phrases: readonly string[]): PhraseAutomaton {
  let built = byIdentity.get(phrases);
  if (built) return built;
  const key = phrases.join('\u0000');
  built = byContent.get(key);
  if (built) {
    // Most recently used last, so the oldest is the one forgotten.
    byContent.delete(key);
  } else {
    const parsed = phrases.map(parsePhrase);
    built = buildAutomaton(
      parsed.map((p) => foldTerm(p.text)),
      parsed.map((p) => p.wordForms),
    );
    if (byContent.size >= REMEMBERED_LISTS) byContent.delete(byContent.keys().next().value as string);
  }
  byContent.set(key, built);
  byIdentity.set(phrases, built);
  return built;
}

/**
 * Whole-word occurrences of `phrases` in `folded`, ranges in the original text, in the order they
 * end. A phrase edge that is a letter must not touch another letter, so "cafe" does not match
 * "cafeteria", while a phrase ending in punctuation ("c++") matches wherever it stands. One pass
 * over the text whatever the number of phrases, no regex built from user text. A phrase marked
 * for word forms ("gratuit*") also matches at the start of a longer word, and its range then covers
 * the whole word ("gratuitement"). Stops after
 * `limit` matches; throws CheckTooCostly once `budget` is spent.
 */
export function findBannedPhrases(
  folded: FoldedText,
  phrases: readonly string[],
  limit: number,
  budget: CheckBudget = checkBudget(),
): PhraseMatch[] {
  const { next, fail, length, bounded, open, wordOut, otherOut, prefix } = automaton(phrases);
  const found: PhraseMatch[] = [];
  const text = folded.text;
  // Where the word going on at a position ends. Matches are reported in the order they end, so the
  // scan forward only ever resumes where it stopped: every code unit is read once in all.
  let wordEnd = 0;
  const endOfWord = (from: number): number => {
    if (wordEnd < from) wordEnd = from;
    while (wordEnd < text.length && isWordAt(text, wordEnd)) {
      spend(budget, 1);
      wordEnd += (text.codePointAt(wordEnd) as number) > 0xffff ? 2 : 1;
    }
    return wordEnd;
  };
  // Every node on a chain is a match (the automaton enforces the boundaries): report them all.
  const report = (first: number, chain: Int32Array, owners: number[][], end: number): boolean => {
    for (let m = first; m !== -1; m = chain[fail[m] as number] as number) {
      const at = end - (length[m] as number);
      const start = folded.starts[at] ?? 0;
      for (const index of owners[m] as number[]) {
        spend(budget, 1);
        const phrase = phrases[index] as string;
        // A word-forms needle that ends inside a word takes the whole word.
        const last = prefix[index] === true && isWordAt(text, end) ? endOfWord(end) : end;
        found.push({ phrase, range: { start, end: folded.ends[last - 1] ?? start } });
        if (found.length >= limit) return false;
      }
    }
    return true;
  };

  spend(budget, text.length);
  const symbols: number[] = [];
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    symbols.length = 0;
    symbolsAt(text, i, symbols);
    for (const symbol of symbols) {
      let target = next[node]?.get(symbol);
      while (target === undefined && node !== 0) {
        spend(budget, 1);
        node = fail[node] as number;
        target = next[node]?.get(symbol);
      }
      node = target ?? 0;
    }
    const word = wordOut[node] as number;
    const other = otherOut[node] as number;
    if (word === -1 && other === -1) continue;
    const end = i + 1;
    if (word !== -1 && !isWordAt(text, end) && !report(word, wordOut, bounded, end)) break;
    if (other !== -1 && !report(other, otherOut, open, end)) break;
  }
  return found;
}
