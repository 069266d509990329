/**
 * The most steps the text rules of one check may take: one per code unit of each distinct text
 * analysed, and, in the banned-phrase scans, one per code unit read, fail link followed or match
 * reported. Every step is linear (see phrase-automaton.ts), so this bounds the time a check holds
 * the event loop (about 25 ms on the reference machine): a 100,000-character text checked on every
 * network against the charter's and a campaign's phrases fits with room to spare; nine different
 * 100,000-character versions of one post do not, and are refused rather than checked.
 */
export const MAX_CHECK_WORK = 1_000_000;

export interface CheckBudget {
  left: number;
}

export const checkBudget = (steps = MAX_CHECK_WORK): CheckBudget => ({ left: steps });

/** The texts of one check would cost more than its budget. */
export class CheckTooCostly extends Error {
  constructor() {
    super('Checking these texts would cost more than one check allows');
    this.name = 'CheckTooCostly';
  }
}

export function spend(budget: CheckBudget, steps: number): void {
  budget.left -= steps;
  if (budget.left < 0) throw new CheckTooCostly();
}
