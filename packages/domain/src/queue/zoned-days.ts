// Local days of a zone, one after another, for the slot walk. Asking luxon for each day (plus one
// day, then its date) costs tens of microseconds; a year of channels times twenty channels made it
// most of the walk. A day without a daylight-saving change is exactly 24 hours after the one
// before: only the zone's offset is checked, and luxon is asked only on the days it changes.
import { DateTime, IANAZone } from 'luxon';

export interface ZonedDay {
  /** "YYYY-MM-DD". */
  date: string;
  /** ISO weekday, Monday = 1. */
  weekday: number;
  /** First instant of the day (its midnight, or the first instant after a gap at midnight). */
  start: number;
  /** First instant of the next day. */
  end: number;
  /** True when the offset does not change in the day: a wall-clock time is `start` plus its minutes. */
  plain: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Longer than any clock change (the largest are two hours).
const SETTLE_MS = 3 * 60 * 60 * 1000;

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The day containing `from` in `zone`, then the `count` days after it. */
export function* zonedDays(from: Date, zone: string, count: number): Generator<ZonedDay> {
  const first = DateTime.fromJSDate(from, { zone }).startOf('day');
  if (!first.isValid) return;
  const tz = IANAZone.create(zone);
  let year: number = first.year;
  let month: number = first.month;
  let day: number = first.day;
  let weekday: number = first.weekday;
  let start = first.toMillis();
  // A zone whose clocks change at midnight starts some days at 01:00: only luxon knows those.
  let atMidnight = first.hour === 0 && first.minute === 0;
  for (let d = 0; d <= count; d++) {
    const guess = start + DAY_MS;
    // The offset must also hold a while past the next midnight: when clocks fall back just after
    // it, that midnight happens twice and luxon (hence the rest of Cadence) picks the later one.
    const offset = tz.offset(start);
    const steady =
      atMidnight &&
      offset === tz.offset(guess - 1) &&
      offset === tz.offset(guess) &&
      offset === tz.offset(guess + SETTLE_MS);
    const end = steady ? guess : first.plus({ days: d + 1 }).toMillis();
    yield { date: isoDate(year, month, day), weekday, start, end, plain: steady };
    if (!steady) {
      const next = DateTime.fromMillis(end, { zone });
      atMidnight = next.hour === 0 && next.minute === 0;
    }
    // The next calendar date, by UTC arithmetic on the date alone.
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    year = next.getUTCFullYear();
    month = next.getUTCMonth() + 1;
    day = next.getUTCDate();
    weekday = (weekday % 7) + 1;
    start = end;
  }
}
