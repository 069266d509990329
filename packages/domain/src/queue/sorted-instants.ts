// The channel's taken instants, kept sorted so the slot walk answers "how many in this day or
// week" and "how near is the closest" by binary search instead of reading the whole list for
// every slot it looks at.

/** Index of the first instant >= `millis`. */
function lowerBound(sorted: readonly number[], millis: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < millis) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many instants lie in [from, to], both included. */
export function countWithin(sorted: readonly number[], [from, to]: readonly [number, number]): number {
  return lowerBound(sorted, to + 1) - lowerBound(sorted, from);
}

/** Distance in milliseconds to the nearest instant, Infinity when there is none. */
export function nearestDistance(sorted: readonly number[], millis: number): number {
  const i = lowerBound(sorted, millis);
  const after = i < sorted.length ? (sorted[i] as number) - millis : Number.POSITIVE_INFINITY;
  const before = i > 0 ? millis - (sorted[i - 1] as number) : Number.POSITIVE_INFINITY;
  return Math.min(after, before);
}

export function insertSorted(sorted: number[], millis: number): void {
  sorted.splice(lowerBound(sorted, millis), 0, millis);
}
