import { isWordAt, isWordBefore } from './word-chars';

/**
 * An Aho-Corasick automaton over UTF-16 code units, built once per charter phrase list, so a text
 * is read once whatever the number of phrases. Hand-written rather than taken from npm: see
 * docs/decisions/0080-banned-phrases-automaton.md.
 *
 * The word-boundary rule costs nothing per candidate:
 * - the start: a symbol WORD_START is read before every letter that follows a non-letter, in the
 *   text and in the needles alike. A needle starting with a letter then begins with WORD_START, so
 *   it can only match where a word starts; needles never need to be rejected after the fact.
 * - the end: terminal nodes are linked in two dictionary chains, one for needles ending with a
 *   letter and one for the others; when a letter follows the position, the first chain is skipped.
 * So every candidate the scan looks at is a match, and a scan costs the text's length (at most
 * twice, with fail links) plus the matches it reports.
 */
export interface PhraseAutomaton {
  next: Map<number, number>[];
  fail: Int32Array;
  /** Length in code units of the needle ending at a terminal node (0 elsewhere). */
  length: Int32Array;
  /** Indices into the phrase list whose needle ends at this node; empty elsewhere. */
  owners: number[][];
  /** Nearest terminal node, this one included, on the fail chain whose needle ends with a letter. */
  wordOut: Int32Array;
  /** The same for needles ending with anything else (punctuation, CJK...). */
  otherOut: Int32Array;
}

/** Not a UTF-16 code unit, so it never collides with text. */
export const WORD_START = 0x10000;

/** The symbols the automaton reads for `text` from `index`: WORD_START first where a word starts. */
export function symbolsAt(text: string, index: number, out: number[]): void {
  if (isWordAt(text, index) && !isWordBefore(text, index)) out.push(WORD_START);
  out.push(text.charCodeAt(index));
}

/** `needles[i]` is the folded phrase i, or '' for one that folds to nothing. */
export function buildAutomaton(needles: readonly string[]): PhraseAutomaton {
  const next: Map<number, number>[] = [new Map()];
  const terminal: { owners: number[]; length: number; lastIsWord: boolean }[] = [];
  const symbols: number[] = [];
  needles.forEach((needle, index) => {
    if (needle === '') return;
    symbols.length = 0;
    for (let i = 0; i < needle.length; i++) symbolsAt(needle, i, symbols);
    let node = 0;
    for (const symbol of symbols) {
      let child = next[node]?.get(symbol);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        next[node]?.set(symbol, child);
      }
      node = child;
    }
    const lastIsWord = isWordBefore(needle, needle.length);
    const entry = terminal[node] ?? { owners: [], length: needle.length, lastIsWord };
    entry.owners.push(index);
    terminal[node] = entry;
  });

  const size = next.length;
  const fail = new Int32Array(size);
  const length = new Int32Array(size);
  const wordOut = new Int32Array(size).fill(-1);
  const otherOut = new Int32Array(size).fill(-1);
  const owners: number[][] = Array.from({ length: size }, (_, node) => terminal[node]?.owners ?? []);
  // Breadth first, so a node's fail target (a shorter suffix) is complete before the node itself.
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    const t = terminal[node];
    const f = fail[node] as number;
    if (t) length[node] = t.length;
    wordOut[node] = t?.lastIsWord ? node : node === 0 ? -1 : (wordOut[f] as number);
    otherOut[node] = t && !t.lastIsWord ? node : node === 0 ? -1 : (otherOut[f] as number);
    for (const [symbol, child] of next[node] as Map<number, number>) {
      let back = f;
      let target = node === 0 ? undefined : next[back]?.get(symbol);
      while (target === undefined && back !== 0) {
        back = fail[back] as number;
        target = next[back]?.get(symbol);
      }
      fail[child] = target ?? 0;
      queue.push(child);
    }
  }
  return { next, fail, length, owners, wordOut, otherOut };
}
