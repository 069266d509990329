import type { TextAnalysis } from '../../networks/analyse-text';
import type { Measure } from '../../networks/count-text';
import type { TextRange } from '../../networks/entities';
import type { Network } from '../../networks/schemas';
import type { Violation } from '../schemas';
import type { PhraseMatch } from './banned-phrases';
import type { CheckBudget } from './check-budget';
import type { FoldedText } from './fold';

/** One target's text, analysed once and shared by every text rule. */
export interface TextContext {
  network: Network;
  analysis: TextAnalysis;
  folded: FoldedText;
  /** Banned-phrase matches by phrase list: targets sharing a text and a list scan it once. */
  phraseMatches: Map<readonly string[], PhraseMatch[]>;
  /** Lengths by network and limit: targets on the same network share a text's count. */
  measures: Map<string, Measure>;
  /** What the whole check may still spend. */
  budget: CheckBudget;
}

/** A violation before the checker stamps it with its target's network and channel. */
export type Finding = Omit<Violation, 'network' | 'channelId'>;

// A pathological post (a banned word repeated ten thousand times) must not produce a response of
// megabytes: after this many findings of one rule on one target, the rest are not reported.
export const MAX_FINDINGS_PER_RULE = 50;

/** From the first of `items` past `max` to the end of the last one: what to remove. */
export function excessRange(items: readonly TextRange[], max: number): TextRange | undefined {
  const first = items[max];
  const last = items[items.length - 1];
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/** The text measured as `ctx.network` counts it against `max`, once per text, network and limit. */
export function measureOnce(ctx: TextContext, max: number, measure: () => Measure): Measure {
  const key = `${ctx.network}|${max}`;
  let found = ctx.measures.get(key);
  if (!found) {
    found = measure();
    ctx.measures.set(key, found);
  }
  return found;
}
