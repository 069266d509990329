// The charter drawn on the calendar: blackout days shaded with their label (background events in
// the grids, an all-day line in the list, which draws no backgrounds), and, in the week and day
// grids, the hours outside the posting windows shaded. Computed from the charter the calendar
// already reads, for the visible range only, so the calendar API needs nothing more.
// Both rules are the workspace's (a network's override is not drawn: a day is one column for
// every channel).
import type { RuleSet } from '@cadence/domain/charter/schemas';
import type { EventInput } from '@fullcalendar/core';
import { DateTime } from 'luxon';
import type { CalendarRange } from './calendar-queries';
import type { CalendarView } from './calendar-url';

export interface ShadeProps {
  shade: 'blackout' | 'closed';
  /** The blackout's label, '' when it has none. */
  label: string;
}

export const isShade = (props: object): props is ShadeProps => 'shade' in props;

/** The most days a range may span here (a month grid is 42): a bound on the work below. */
const MAX_DAYS = 45;

function daysOf(range: CalendarRange, zone: string): string[] {
  const days: string[] = [];
  let day = DateTime.fromISO(range.from, { zone }).startOf('day');
  const end = DateTime.fromISO(range.to, { zone });
  while (day < end && days.length < MAX_DAYS) {
    days.push(day.toISODate() ?? '');
    day = day.plus({ days: 1 });
  }
  return days;
}

/** Each visible blackout day with its label(s), periods joined when several cover one day. */
export function blackoutDays(
  rule: RuleSet['blackoutDates'],
  range: CalendarRange,
  zone: string,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!rule) return out;
  for (const day of daysOf(range, zone)) {
    const labels = rule.dates.filter((d) => d.from <= day && day <= d.to).map((d) => d.reason?.trim() ?? '');
    if (labels.length > 0) out.set(day, [...new Set(labels)].filter(Boolean).join(' · '));
  }
  return out;
}

const nextDay = (day: string) => DateTime.fromISO(day).plus({ days: 1 }).toISODate() ?? day;

/** Blackout days as events: background in the grids, an all-day line in the list. */
export function blackoutEvents(days: Map<string, string>, view: CalendarView): EventInput[] {
  return [...days].map(([day, label]) => ({
    id: `blackout-${day}`,
    start: day,
    end: nextDay(day),
    allDay: true,
    display: view === 'list' ? 'auto' : 'background',
    editable: false,
    classNames: ['blackout-shade'],
    extendedProps: { shade: 'blackout', label } satisfies ShadeProps,
  }));
}

type Window = { start: string; end: string };

/** The hours of each visible day outside every posting window, as background events. */
export function closedHourEvents(
  rule: RuleSet['postingWindows'],
  range: CalendarRange,
  zone: string,
): EventInput[] {
  if (!rule) return [];
  const events: EventInput[] = [];
  for (const day of daysOf(range, zone)) {
    const start = DateTime.fromISO(day, { zone });
    const windows: Window[] = [...(rule.byWeekday[start.weekday as 1] ?? [])].sort((a, b) =>
      a.start.localeCompare(b.start),
    );
    let open = '00:00';
    const closed: Window[] = [];
    for (const w of windows) {
      if (w.start > open) closed.push({ start: open, end: w.start });
      if (w.end > open) open = w.end;
    }
    if (open < '24:00') closed.push({ start: open, end: '24:00' });
    for (const c of closed) {
      events.push({
        id: `closed-${day}-${c.start}`,
        start: at(day, c.start, zone),
        end: at(day, c.end, zone),
        display: 'background',
        editable: false,
        classNames: ['closed-shade'],
        extendedProps: { shade: 'closed', label: '' } satisfies ShadeProps,
      });
    }
  }
  return events;
}

// HH:mm on a day in the workspace's zone, as an instant; 24:00 is the next day's midnight.
function at(day: string, time: string, zone: string): string {
  const midnight = DateTime.fromISO(day, { zone });
  const instant =
    time === '24:00' ? midnight.plus({ days: 1 }) : DateTime.fromISO(`${day}T${time}`, { zone });
  return instant.toISO() ?? midnight.toISO() ?? day;
}
