// Wall-clock times in the workspace zone, the form the API's schedule calls take ("2026-03-04T14:30").
import { DateTime } from 'luxon';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

export const toLocalInput = (instant: Date | string, timeZone: string) =>
  (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant))
    .setZone(timeZone)
    .toFormat(LOCAL);

/** Accepts "2026-03-04T14:30" or an ISO instant; null when it is neither. */
export function parseLocalParam(value: string | null, timeZone: string): string | null {
  if (!value) return null;
  const local = DateTime.fromFormat(value.slice(0, 16), LOCAL, { zone: timeZone });
  if (local.isValid && value.length <= 19) return local.toFormat(LOCAL);
  const instant = DateTime.fromISO(value, { setZone: true });
  return instant.isValid ? instant.setZone(timeZone).toFormat(LOCAL) : null;
}

export const localToIso = (local: string, timeZone: string) =>
  DateTime.fromFormat(local, LOCAL, { zone: timeZone }).toUTC().toISO();

/** The next whole hour from now, as a default time to schedule at. */
export const nextHourLocal = (timeZone: string) =>
  DateTime.now().setZone(timeZone).plus({ hours: 1 }).startOf('hour').toFormat(LOCAL);

export function formatTime(iso: string | Date, locale: string, timeZone: string): string {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return dt.setZone(timeZone).setLocale(locale).toLocaleString({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** "in 2 hours", "3 minutes ago" in the interface language. */
export function formatRelative(iso: string | Date, locale: string): string {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return dt.setLocale(locale).toRelative() ?? '';
}
