// Working time for the inbox's response-time commitments (issue 16, item 4): minutes that count
// are those inside the workspace's working hours, on its working days, in its timezone. Each day's
// window is built from local wall-clock times by luxon, so a day when clocks change is as long as
// it really is (a 02:00-10:00 window on the spring-forward day lasts 7 hours). Pure; browser-safe.
import { DateTime } from 'luxon';

export interface WorkingSchedule {
  timezone: string;
  /** ISO weekdays worked: 1 Monday ... 7 Sunday. */
  days: readonly number[];
  /** Local "HH:mm", start before end. */
  start: string;
  end: string;
}

/** Days walked at most (about ten years): loops over user data stay bounded. */
export const MAX_WALK_DAYS = 3660;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseHhMm(value: string): { hour: number; minute: number } | null {
  const m = HHMM.exec(value);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/** The working window of one local day as epoch milliseconds, or null on a day off. */
function windowOf(day: DateTime, s: WorkingSchedule): [number, number] | null {
  if (!s.days.includes(day.weekday)) return null;
  const start = parseHhMm(s.start);
  const end = parseHhMm(s.end);
  if (!start || !end) return null;
  const from = day.set({ ...start, second: 0, millisecond: 0 }).toMillis();
  const to = day.set({ ...end, second: 0, millisecond: 0 }).toMillis();
  return to > from ? [from, to] : null;
}

function localDay(at: Date, timezone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: timezone }).startOf('day');
}

/** Whole working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, s: WorkingSchedule): number {
  if (to.getTime() <= from.getTime()) return 0;
  let day = localDay(from, s.timezone);
  const last = localDay(to, s.timezone);
  let ms = 0;
  for (let i = 0; i < MAX_WALK_DAYS && day <= last; i++, day = day.plus({ days: 1 })) {
    const w = windowOf(day, s);
    if (!w) continue;
    const a = Math.max(w[0], from.getTime());
    const b = Math.min(w[1], to.getTime());
    if (b > a) ms += b - a;
  }
  return Math.floor(ms / 60_000);
}

/**
 * The latest instant from which `minutes` working minutes have passed by `now`: an item created at
 * or before it is past a target of `minutes`. Null when no such instant lies within the walk
 * (no working days, or a target longer than the walk).
 */
export function workingCutoff(now: Date, minutes: number, s: WorkingSchedule): Date | null {
  let remaining = minutes * 60_000;
  if (remaining <= 0) return now;
  let day = localDay(now, s.timezone);
  for (let i = 0; i < MAX_WALK_DAYS; i++, day = day.minus({ days: 1 })) {
    const w = windowOf(day, s);
    if (!w) continue;
    const end = Math.min(w[1], now.getTime());
    if (end <= w[0]) continue;
    const available = end - w[0];
    if (remaining <= available) return new Date(end - remaining);
    remaining -= available;
  }
  return null;
}
