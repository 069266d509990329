// Calendar data: GET /api/v1/workspaces/{id}/calendar?from&to, one entry per post × channel.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import type { CalendarFilters } from './calendar-url';

type CalendarResponse =
  paths['/api/v1/workspaces/{workspaceId}/calendar']['get']['responses'][200]['content']['application/json'];
export type CalendarItem = CalendarResponse['items'][number];

/** One post on one channel, shaped for FullCalendar's EventInput. */
export interface CalendarEntry {
  id: string;
  title: string;
  start: string;
  startEditable: boolean;
  extendedProps: CalendarItem;
}

export interface CalendarRange {
  from: string;
  to: string;
}

/** Only a scheduled post can be moved: published, publishing or failed ones stay where they are. */
export const toCalendarEntry = (item: CalendarItem): CalendarEntry => ({
  id: item.id,
  title: item.title,
  start: item.start,
  startEditable: item.status === 'scheduled' && item.targetStatus === 'scheduled',
  extendedProps: item,
});

type CalendarQuery = NonNullable<
  paths['/api/v1/workspaces/{workspaceId}/calendar']['get']['parameters']['query']
>;

async function fetchCalendarEntries(
  workspaceId: string,
  { from, to }: CalendarRange,
  filters: CalendarFilters,
) {
  performance.mark('cadence:calendar-requested');
  const body = unwrap(
    await api.GET('/api/v1/workspaces/{workspaceId}/calendar', {
      params: { path: { workspaceId }, query: { from, to, ...(filters as Partial<CalendarQuery>) } },
    }),
  );
  performance.mark('cadence:calendar-answered');
  return { entries: body.items.map(toCalendarEntry), truncated: body.truncated };
}

export const calendarEntriesQuery = (
  workspaceId: string,
  range: CalendarRange,
  filters: CalendarFilters = {},
) =>
  queryOptions({
    queryKey: ['calendar', workspaceId, range.from, range.to, filters],
    queryFn: () => fetchCalendarEntries(workspaceId, range, filters),
    staleTime: 30_000,
  });

/** Posts in the visible range; the previous range's posts stay shown while the next one loads. */
export function useCalendarEntries(
  workspaceId: string,
  range: CalendarRange | null,
  filters: CalendarFilters = {},
) {
  return useQuery({
    ...calendarEntriesQuery(workspaceId, range ?? { from: '', to: '' }, filters),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
