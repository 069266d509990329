// A busy month without laying out thousands of hidden cards. FullCalendar 6's `dayMaxEvents` still
// renders and measures every event it hides behind "+N more" (a month of 2,000 posts spent ~0.9 s
// on cards nobody sees), so the month view is fed at most MAX_PER_DAY entries per day: the first
// ones by time, then one "+N more" entry that opens the day's full list (day-posts-dialog.tsx).
import type { CalendarEntry } from './calendar-queries';

export const MAX_PER_DAY = 4;

/** The "+N more" card: a focusable event that stands for the day's posts not shown. */
export interface OverflowEntry {
  id: string;
  title: string;
  start: string;
  // One minute long: shorter than a post's default hour, so it sorts after a post at the same time.
  end: string;
  startEditable: false;
  extendedProps: { overflow: { day: string; hidden: number } };
}

type MonthEntry = CalendarEntry | OverflowEntry;

export const isOverflow = (props: object): props is OverflowEntry['extendedProps'] => 'overflow' in props;

export interface FoldedMonth {
  events: MonthEntry[];
  /** Every entry of each day that has a "+N more" card, by day (yyyy-MM-dd in the zone shown). */
  busyDays: Map<string, CalendarEntry[]>;
}

export function foldBusyDays(
  entries: readonly CalendarEntry[],
  timeZone: string,
  max = MAX_PER_DAY,
): FoldedMonth {
  // en-CA formats as yyyy-MM-dd; one formatter for all entries is far cheaper than a luxon parse each.
  const dayOf = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const byDay = new Map<string, { at: number; entry: CalendarEntry }[]>();
  for (const entry of entries) {
    const at = Date.parse(entry.start);
    const day = dayOf.format(at);
    const list = byDay.get(day);
    if (list) list.push({ at, entry });
    else byDay.set(day, [{ at, entry }]);
  }
  const events: MonthEntry[] = [];
  const busyDays = new Map<string, CalendarEntry[]>();
  for (const [day, list] of byDay) {
    if (list.length <= max) {
      for (const { entry } of list) events.push(entry);
      continue;
    }
    list.sort((a, b) => a.at - b.at);
    const shown = list.slice(0, max - 1);
    for (const { entry } of shown) events.push(entry);
    const firstHidden = list[max - 1]?.at ?? 0;
    events.push({
      id: `overflow:${day}`,
      title: '',
      start: new Date(firstHidden).toISOString(),
      end: new Date(firstHidden + 60_000).toISOString(),
      startEditable: false,
      extendedProps: { overflow: { day, hidden: list.length - shown.length } },
    });
    busyDays.set(
      day,
      list.map(({ entry }) => entry),
    );
  }
  return { events, busyDays };
}
