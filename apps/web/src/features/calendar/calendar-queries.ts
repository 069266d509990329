// Calendar data: GET /api/v1/workspaces/{id}/calendar?from&to, one entry per dated post (its
// channels stacked on the card), whether scheduled, published or only proposed.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import type { CalendarFilters } from './calendar-url';

type CalendarResponse =
  paths['/api/v1/workspaces/{workspaceId}/calendar']['get']['responses'][200]['content']['application/json'];
export type CalendarItem = CalendarResponse['items'][number];
export type CalendarChannel = CalendarItem['channels'][number];

/** One post with its channels, shaped for FullCalendar's EventInput. */
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

const IN_FLIGHT = new Set(['claimed', 'sending']);

/**
 * A scheduled post none of whose channels is being sent can move (a reschedule), and so can a
 * proposed time (a new proposal); published, publishing or failed posts stay where they are. The
 * page narrows this further by role (see mayMoveEntry).
 */
const toCalendarEntry = (item: CalendarItem): CalendarEntry => ({
  id: item.id,
  title: item.title,
  start: item.start,
  startEditable:
    item.proposed ||
    (item.status === 'scheduled' && !item.channels.some((c) => IN_FLIGHT.has(c.targetStatus))),
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
