// Numbers, rates and durations in the reader's language (Intl), with "not available" for nulls.
import { useTranslation } from 'react-i18next';

const DAY = 86_400;

export function useReportFormats() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const unit = (u: 'second' | 'minute' | 'hour' | 'day', digits: number) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: u,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    });
  const seconds = unit('second', 0);
  const minutes = unit('minute', 0);
  const hours = unit('hour', 1);
  const days = unit('day', 1);
  const dayFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const shortDayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const shortWeekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const na = t('reports.notAvailable');
  return {
    na,
    number: (v: number | null | undefined) => (v === null || v === undefined ? na : number.format(v)),
    rate: (v: number | null) => (v === null ? '—' : percent.format(v)),
    /** A delay or a turnaround: seconds under 2 min, minutes under 2 h, hours under 2 days, then days. */
    duration: (v: number | null) => {
      if (v === null) return '—';
      const a = Math.abs(v);
      if (a < 120) return seconds.format(Math.round(v));
      if (a < 7200) return minutes.format(v / 60);
      if (a < 2 * DAY) return hours.format(v / 3600);
      return days.format(v / DAY);
    },
    day: (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`)),
    /** Day and month only, for chart axes. */
    shortDay: (iso: string) => shortDayFormat.format(new Date(`${iso}T00:00:00Z`)),
    /** ISO weekday 1 (Monday) ... 7, from a Monday in UTC. */
    weekday: (isoWeekday: number) => weekdayFormat.format(new Date(Date.UTC(2024, 0, isoWeekday))),
    /** "lun." / "Mon", for the heatmap's columns on a phone. */
    shortWeekday: (isoWeekday: number) => shortWeekdayFormat.format(new Date(Date.UTC(2024, 0, isoWeekday))),
    hour: (h: number) => `${String(h).padStart(2, '0')}:00`,
  };
}
