import { isWordAt, isWordBefore } from './word-chars';

/**
 * An Aho-Corasick automaton over UTF-16 code units, built once per charter phrase list, so a text
 * is read once whatever the number of phrases. Hand-written rather than taken from npm: see
 * docs/decisions/0104-banned-phrases-automaton.md.
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
  /** Indices into the phrase list of whole-word needles ending with a letter at this node. */
  bounded: number[][];
  /** Indices of needles that match whatever follows: ending with punctuation, CJK..., or a prefix. */
  open: number[][];
  /** Nearest node, this one included, on the fail chain where a `bounded` needle ends. */
  wordOut: Int32Array;
  /** The same for `open` needles. */
  otherOut: Int32Array;
  /** By phrase index: a word-forms needle, whose match runs on to the end of the word it starts. */
  prefix: readonly boolean[];
}

/** Not a UTF-16 code unit, so it never collides with text. */
export const WORD_START = 0x10000;

/** The symbols the automaton reads for `text` from `index`: WORD_START first where a word starts. */
export function symbolsAt(text: string, index: number, out: number[]): void {
  if (isWordAt(text, index) && !isWordBefore(text, index)) out.push(WORD_START);
  out.push(text.charCodeAt(index));
}

/**
 * `needles[i]` is the folded phrase i, or '' for one that folds to nothing; `prefix[i]` says that
 * needle also matches the start of a longer word (word forms: "gratuit" in "gratuitement"), so it
 * sits on the chain that ignores what follows.
 */
export function buildAutomaton(needles: readonly string[], prefix: readonly boolean[] = []): PhraseAutomaton {
  const next: Map<number, number>[] = [new Map()];
  const terminal: { bounded: number[]; open: number[]; length: number }[] = [];
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
    const bounded = isWordBefore(needle, needle.length) && prefix[index] !== true;
    const entry = terminal[node] ?? { bounded: [], open: [], length: needle.length };
    (bounded ? entry.bounded : entry.open).push(index);
    terminal[node] = entry;
  });

  const size = next.length;
  const fail = new Int32Array(size);
  const length = new Int32Array(size);
  const wordOut = new Int32Array(size).fill(-1);
  const otherOut = new Int32Array(size).fill(-1);
  const bounded: number[][] = Array.from({ length: size }, (_, node) => terminal[node]?.bounded ?? []);
  const open: number[][] = Array.from({ length: size }, (_, node) => terminal[node]?.open ?? []);
  // Breadth first, so a node's fail target (a shorter suffix) is complete before the node itself.
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    const t = terminal[node];
    const f = fail[node] as number;
    if (t) length[node] = t.length;
    wordOut[node] = t?.bounded.length ? node : node === 0 ? -1 : (wordOut[f] as number);
    otherOut[node] = t?.open.length ? node : node === 0 ? -1 : (otherOut[f] as number);
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
  return { next, fail, length, bounded, open, wordOut, otherOut, prefix };
}
