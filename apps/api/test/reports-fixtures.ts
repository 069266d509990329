// Helpers for the reports tests: a repeatable generator, the statistics computed the plain way
// (not as the SQL does), and Paris calendar positions from Intl (not from PostgreSQL).
export function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Turnaround steps, written out here (not imported) so the test checks the code's bounds. */
const STEPS = [300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 259_200, 604_800];

/**
 * A turnaround percentile as the roll-up gives it: the nearest-rank value's step, as the step's
 * upper bound (or 7 days for the open step above it).
 */
export function steppedPercentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((x, y) => x - y);
  const value = v[Math.max(1, Math.ceil(p * v.length)) - 1] as number;
  return STEPS.find((bound) => value <= bound) ?? 604_800;
}

/** The same for first-response working minutes (decision 0316): steps of the same bounds. */
export function steppedMinutes(values: number[], p: number): number | null {
  const seconds = steppedPercentile(
    values.map((m) => m * 60),
    p,
  );
  return seconds === null ? null : seconds / 60;
}

/** An instant's calendar date in Paris, YYYY-MM-DD. */
export const parisDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

const parts = (at: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** ISO weekday (1 Monday) and hour of an instant in Paris. */
export function parisWeekdayHour(at: Date): { weekday: number; hour: number } {
  const p = parts(at);
  return { weekday: WEEKDAYS.indexOf(p.weekday ?? '') + 1, hour: Number(p.hour) };
}

/** The ISO week label of an instant's Paris calendar date. */
export function isoWeekInParis(at: Date): string {
  const p = parts(at);
  const day = new Date(`${p.year}-${p.month}-${p.day}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
