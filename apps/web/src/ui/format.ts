// Dates and numbers through Intl in the interface language, in the workspace's zone.
import { DateTime } from 'luxon';

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).setLocale(locale).toLocaleString({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** A range of calendar days ("2026-11-25", "2026-12-31") as the locale writes it: "25 nov. – 31 déc.
 * 2026", "Nov 25 – Dec 31, 2026"; the year once when both ends share it. */
export function formatDayRange(startsOn: string, endsOn: string, locale: string): string {
  // Noon UTC, read in UTC: the day never shifts with the viewer's zone.
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(at(startsOn), at(endsOn));
}
