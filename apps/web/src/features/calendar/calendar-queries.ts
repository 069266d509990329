// Calendar data. The posts API (GET /api/v1/workspaces/{id}/calendar?from&to) is being built in the
// posts issue and is not mounted yet: until it is, this query answers an empty list, so the
// calendar shows its true empty state and never invented posts. When the route lands (it will then
// appear in src/api/schema.d.ts after `pnpm --filter @cadence/web api:types`), replace the body of
// fetchCalendarEntries with:
//   unwrap(await api.GET('/api/v1/workspaces/{workspaceId}/calendar',
//     { params: { path: { workspaceId }, query: { from, to } } })).items.map(toCalendarEntry)
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

/** One post on the calendar, shaped for FullCalendar's EventInput. */
export interface CalendarEntry {
  id: string;
  title: string;
  start: string;
  extendedProps: { status: string; networks: string[] };
}

export interface CalendarRange {
  from: string;
  to: string;
}

async function fetchCalendarEntries(_workspaceId: string, _range: CalendarRange): Promise<CalendarEntry[]> {
  return [];
}

export const calendarEntriesQuery = (workspaceId: string, range: CalendarRange) =>
  queryOptions({
    queryKey: ['calendar', workspaceId, range.from, range.to],
    queryFn: () => fetchCalendarEntries(workspaceId, range),
    staleTime: 30_000,
  });

/** Posts in the visible range; the previous range's posts stay shown while the next one loads. */
export function useCalendarEntries(workspaceId: string, range: CalendarRange | null) {
  return useQuery({
    ...calendarEntriesQuery(workspaceId, range ?? { from: '', to: '' }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
