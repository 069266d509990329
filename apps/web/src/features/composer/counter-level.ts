// How full a network's text is: grey, amber from 90 % of the limit, red past it (UI guide §3).
import { countText } from '@cadence/domain/networks/count-text';
import { networkLimits } from '@cadence/domain/networks/limits';
import type { Network } from '@cadence/domain/networks/schemas';

export type CounterLevel = 'ok' | 'near' | 'over';

export interface CounterState {
  count: number;
  max: number;
  level: CounterLevel;
  /** Characters past the limit (0 when within it). */
  overBy: number;
}

function counterLevel(count: number, max: number): CounterLevel {
  if (count > max) return 'over';
  return count >= Math.ceil(max * 0.9) ? 'near' : 'ok';
}

/** Counted the network's own way: X weighs URLs as 23 and some characters as 2, and so on. */
export function measureFor(network: Network, text: string): CounterState {
  const count = countText(network, text);
  const max = networkLimits(network).maxLength;
  return { count, max, level: counterLevel(count, max), overBy: Math.max(0, count - max) };
}
