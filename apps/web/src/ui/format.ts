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
