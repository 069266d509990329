// The calendar's view and date live in the URL (/calendar?view=week&date=2025-03-03) so views can be
// shared and Back works.
import { DateTime } from 'luxon';
import { matchesNow, PHONE_QUERY } from '../../ui/use-media-query';

export const CALENDAR_VIEWS = ['month', 'week', 'day', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const FULLCALENDAR_VIEW: Record<CalendarView, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  list: 'listWeek',
};

export const toFullCalendarView = (view: CalendarView) => FULLCALENDAR_VIEW[view];

export function fromFullCalendarView(type: string): CalendarView {
  const found = CALENDAR_VIEWS.find((v) => FULLCALENDAR_VIEW[v] === type);
  return found ?? 'month';
}

/** Without a view in the URL: the list on a phone (a month grid is unreadable at 390 px), else the month. */
const defaultCalendarView = (): CalendarView => (matchesNow(PHONE_QUERY) ? 'list' : 'month');

export function parseCalendarParams(
  params: URLSearchParams,
  timeZone: string,
  fallbackView: CalendarView = defaultCalendarView(),
) {
  const rawView = params.get('view');
  const view: CalendarView = CALENDAR_VIEWS.find((v) => v === rawView) ?? fallbackView;
  const rawDate = params.get('date');
  const parsed = rawDate ? DateTime.fromISO(rawDate, { zone: timeZone }) : null;
  const date = parsed?.isValid ? parsed.toISODate()! : DateTime.now().setZone(timeZone).toISODate()!;
  return { view, date };
}

/** The calendar day of an instant in the workspace's zone ("2025-03-01"). */
export const dayInZone = (instant: Date, timeZone: string) =>
  DateTime.fromJSDate(instant).setZone(timeZone).toISODate()!;

export const COLOR_MODES = ['campaign', 'pillar', 'network'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** What the calendar shows, kept in the URL beside the view: ?channels=a,b&campaign=c&status=d&author=e&colorBy=network */
export interface CalendarFilters {
  channel?: string[];
  campaign?: string[];
  status?: string[];
  author?: string[];
}

const FILTER_PARAMS = {
  channel: 'channels',
  campaign: 'campaign',
  status: 'status',
  author: 'author',
} as const;

export function parseCalendarFilters(params: URLSearchParams): {
  filters: CalendarFilters;
  colorBy: ColorMode;
} {
  const filters: CalendarFilters = {};
  for (const [key, param] of Object.entries(FILTER_PARAMS) as [keyof CalendarFilters, string][]) {
    const values = (params.get(param) ?? '').split(',').filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const raw = params.get('colorBy');
  return { filters, colorBy: COLOR_MODES.find((m) => m === raw) ?? 'campaign' };
}

export function withFilter(
  params: URLSearchParams,
  key: keyof CalendarFilters,
  values: string[],
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (values.length) next.set(FILTER_PARAMS[key], values.join(','));
  else next.delete(FILTER_PARAMS[key]);
  return next;
}

/** Whose zone the calendar shows: the workspace's (the default) or the viewer's own (?tz=mine). */
export type ZoneChoice = 'workspace' | 'mine';

export const parseZoneChoice = (params: URLSearchParams): ZoneChoice =>
  params.get('tz') === 'mine' ? 'mine' : 'workspace';

export function withZoneChoice(params: URLSearchParams, choice: ZoneChoice): URLSearchParams {
  const next = new URLSearchParams(params);
  if (choice === 'mine') next.set('tz', 'mine');
  else next.delete('tz');
  return next;
}

export const shownZone = (choice: ZoneChoice, workspaceZone: string, viewerZone: string) =>
  choice === 'mine' ? viewerZone : workspaceZone;
