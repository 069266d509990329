// Which part of a report's period the roll-up can answer: the whole local days of the workspace
// inside [from, to). The parts before the first whole day and after the last one (a period given
// as instants) are read from the targets themselves, and so is today, whose "instant passed"
// count moves by the minute.
import { DateTime } from 'luxon';

export interface PeriodSplit {
  /** First whole local day (YYYY-MM-DD) and the day after the last one; null when there is none. */
  days: { first: string; end: string } | null;
  /** Instant ranges outside the whole days, read from the facts. */
  edges: { from: Date; to: Date }[];
}

export function splitPeriod(from: Date, to: Date, zone: string): PeriodSplit {
  const start = DateTime.fromJSDate(from, { zone });
  const firstStart = start.startOf('day').equals(start) ? start : start.startOf('day').plus({ days: 1 });
  const endStart = DateTime.fromJSDate(to, { zone }).startOf('day');
  if (firstStart >= endStart) return { days: null, edges: [{ from, to }] };
  const edges = [
    { from, to: firstStart.toJSDate() },
    { from: endStart.toJSDate(), to },
  ].filter((r) => r.to.getTime() > r.from.getTime());
  return { days: { first: firstStart.toISODate() ?? '', end: endStart.toISODate() ?? '' }, edges };
}
