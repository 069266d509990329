// The instants the calendar query asks for, computed from the URL rather than from FullCalendar's
// `datesSet`, so the query can start before the calendar has rendered (and, from main.tsx, before
// the session has answered). Month and week views cover the grid whether weeks start on Sunday
// (English) or Monday (French): at most a day more than FullCalendar shows, which it ignores.
import { DateTime } from 'luxon';
import type { CalendarRange } from './calendar-queries';
import type { CalendarView } from './calendar-url';

const GRID_DAYS: Record<CalendarView, number> = { month: 42, week: 7, list: 7, day: 1 };

export function visibleRange(view: CalendarView, date: string, timeZone: string): CalendarRange {
  const day = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  if (view === 'day') return { from: iso(day), to: iso(day.plus({ days: 1 })) };
  const anchor = view === 'month' ? day.startOf('month') : day;
  // weekday: Monday 1 … Sunday 7. A Sunday-first grid starts `weekday % 7` days back, a Monday-first one `weekday - 1`.
  const sundayBack = anchor.weekday % 7;
  const mondayBack = anchor.weekday - 1;
  const from = anchor.minus({ days: Math.max(sundayBack, mondayBack) });
  const last = anchor.minus({ days: Math.min(sundayBack, mondayBack) });
  return { from: iso(from), to: iso(last.plus({ days: GRID_DAYS[view] })) };
}

const iso = (d: DateTime) => d.toUTC().toISO() ?? '';
