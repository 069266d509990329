import { describe, expect, it } from 'vitest';
import { visibleRange } from './calendar-range';

describe('visibleRange', () => {
  it('covers a month grid whether weeks start on Sunday or Monday', () => {
    // 1 December 2026 is a Tuesday: the Sunday-first grid starts on 29 November, the Monday-first on
    // the 30th; six weeks later ends on 10 (Sunday-first) or 11 January (Monday-first).
    expect(visibleRange('month', '2026-12-01', 'Europe/Paris')).toEqual({
      from: '2026-11-28T23:00:00.000Z',
      to: '2027-01-10T23:00:00.000Z',
    });
  });

  it('starts on the 1st itself when the month starts on a Sunday (Monday-first grid goes back six days)', () => {
    // 1 March 2026 is a Sunday; the Monday-first grid starts on 23 February.
    expect(visibleRange('month', '2026-03-15', 'UTC')).toEqual({
      from: '2026-02-23T00:00:00.000Z',
      to: '2026-04-12T00:00:00.000Z',
    });
  });

  it('covers the week around the date in week and list views, one day in day view', () => {
    const week = { from: '2026-12-06T00:00:00.000Z', to: '2026-12-14T00:00:00.000Z' };
    expect(visibleRange('week', '2026-12-07', 'UTC')).toEqual(week);
    expect(visibleRange('list', '2026-12-07', 'UTC')).toEqual(week);
    expect(visibleRange('day', '2026-12-07', 'America/New_York')).toEqual({
      from: '2026-12-07T05:00:00.000Z',
      to: '2026-12-08T05:00:00.000Z',
    });
  });
});
