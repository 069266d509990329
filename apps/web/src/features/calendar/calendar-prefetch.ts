// Starts the calendar query while the session is still loading: a cold load of /calendar otherwise
// waits for the session, then for the page and FullCalendar to render, before asking for the posts.
// The workspace and its zone come from the last calendar this browser showed; the session then
// confirms them (the page asks for the same query key, so react-query reuses this request) or the
// guess is simply not used. Nothing here is secret: an id and a zone name.
import type { QueryClient } from '@tanstack/react-query';
import { browserTimeZone } from '../../ui/timezones';
import { calendarEntriesQuery } from './calendar-queries';
import { visibleRange } from './calendar-range';
import { parseCalendarFilters, parseCalendarParams, parseZoneChoice, shownZone } from './calendar-url';

const STORAGE_KEY = 'cadence.lastCalendar';

interface LastCalendar {
  workspaceId: string;
  timezone: string;
}

export function rememberCalendarWorkspace(last: LastCalendar) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(last));
  } catch {
    // storage disabled: the next load simply waits for the session
  }
}

function readLast(): LastCalendar | null {
  try {
    const raw = JSON.parse(
      window.localStorage.getItem(STORAGE_KEY) ?? 'null',
    ) as Partial<LastCalendar> | null;
    return typeof raw?.workspaceId === 'string' && typeof raw.timezone === 'string'
      ? { workspaceId: raw.workspaceId, timezone: raw.timezone }
      : null;
  } catch {
    return null;
  }
}

export function prefetchCalendar(queryClient: QueryClient, location: Location) {
  if (location.pathname !== '/calendar' && location.pathname !== '/') return;
  const last = readLast();
  if (!last) return;
  const params = new URLSearchParams(location.search);
  const zone = shownZone(parseZoneChoice(params), last.timezone, browserTimeZone());
  const { view, date } = parseCalendarParams(params, zone);
  const { filters } = parseCalendarFilters(params);
  // A failed guess (signed out, workspace left) costs one request and never reaches the screen.
  void queryClient.prefetchQuery(
    calendarEntriesQuery(last.workspaceId, visibleRange(view, date, zone), filters),
  );
}
