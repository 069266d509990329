import { describe, expect, it } from 'vitest';
import type { CalendarEntry, CalendarItem } from './calendar-queries';
import { foldBusyDays, isOverflow } from './day-overflow';

const entry = (id: string, start: string): CalendarEntry => ({
  id,
  title: id,
  start,
  startEditable: true,
  extendedProps: { id } as CalendarItem,
});

describe('foldBusyDays', () => {
  it('passes quiet days through untouched', () => {
    const entries = ['08', '09', '10', '11'].map((h) => entry(h, `2026-12-03T${h}:00:00Z`));
    const { events, busyDays } = foldBusyDays(entries, 'UTC');
    expect(events).toEqual(entries);
    expect(busyDays.size).toBe(0);
  });

  it('keeps the earliest three of a busy day and one "+N more" entry for the rest', () => {
    const hours = ['15', '09', '11', '08', '10', '12'];
    const entries = hours.map((h) => entry(h, `2026-12-03T${h}:00:00Z`));
    const { events, busyDays } = foldBusyDays(entries, 'UTC');
    expect(events.slice(0, 3).map((e) => e.id)).toEqual(['08', '09', '10']);
    const more = events[3];
    expect(more && isOverflow(more.extendedProps) && more.extendedProps.overflow).toEqual({
      day: '2026-12-03',
      hidden: 3,
    });
    expect(more?.start).toBe('2026-12-03T11:00:00.000Z');
    // The full list, in time order, stays reachable from the "+N more" entry.
    expect(busyDays.get('2026-12-03')?.map((e) => e.id)).toEqual(['08', '09', '10', '11', '12', '15']);
  });

  it('groups by the day in the zone shown, not in UTC', () => {
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in Paris.
    const entries = ['2026-12-02T23:30:00Z', '2026-12-03T08:00:00Z', '2026-12-03T09:00:00Z'].flatMap(
      (s, i) => [entry(`a${i}`, s), entry(`b${i}`, s)],
    );
    expect([...foldBusyDays(entries, 'Europe/Paris').busyDays.keys()]).toEqual(['2026-12-03']);
    expect(foldBusyDays(entries, 'Europe/Paris').busyDays.get('2026-12-03')).toHaveLength(6);
    // In UTC the 3rd has four posts only: no "+N more".
    expect(foldBusyDays(entries, 'UTC').busyDays.size).toBe(0);
  });
});
