import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseHhMm, type WorkingSchedule, workingCutoff, workingMinutesBetween } from './working-hours';

const paris: WorkingSchedule = {
  timezone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
};
const at = (iso: string, zone = 'Europe/Paris') => DateTime.fromISO(iso, { zone }).toJSDate();

describe('working minutes', () => {
  it('counts only the working hours of working days', () => {
    // Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday.
    expect(workingMinutesBetween(at('2026-11-20T17:00'), at('2026-11-23T10:00'), paris)).toBe(120);
    // Written on Saturday, read Monday 09:30.
    expect(workingMinutesBetween(at('2026-11-21T11:00'), at('2026-11-23T09:30'), paris)).toBe(30);
    // Inside one day, and before the day starts.
    expect(workingMinutesBetween(at('2026-11-24T07:00'), at('2026-11-24T09:45'), paris)).toBe(45);
    expect(workingMinutesBetween(at('2026-11-24T10:00'), at('2026-11-24T09:00'), paris)).toBe(0);
  });

  it('reads the days and hours in the workspace timezone, not the server one', () => {
    const ny: WorkingSchedule = { ...paris, timezone: 'America/New_York' };
    // 15:00 in Paris is 09:00 in New York: the New York team has just started.
    expect(workingMinutesBetween(at('2026-11-24T09:00'), at('2026-11-24T15:30'), ny)).toBe(30);
  });

  it('is DST-correct: a day when clocks change lasts what it really lasts', () => {
    const night: WorkingSchedule = { timezone: 'Europe/Paris', days: [7], start: '01:00', end: '05:00' };
    // Sunday 29 March 2026, 02:00 becomes 03:00: the window holds 3 hours.
    expect(workingMinutesBetween(at('2026-03-28T12:00'), at('2026-03-30T12:00'), night)).toBe(180);
    // Sunday 25 October 2026, 03:00 becomes 02:00 again: 5 hours.
    expect(workingMinutesBetween(at('2026-10-24T12:00'), at('2026-10-26T12:00'), night)).toBe(300);
    // An ordinary Sunday: 4 hours.
    expect(workingMinutesBetween(at('2026-11-21T12:00'), at('2026-11-23T12:00'), night)).toBe(240);
  });

  it('finds the cutoff past which an item is late, the inverse of the count', () => {
    const now = at('2026-11-23T10:00'); // Monday
    // Two working hours back from Monday 10:00: Friday 17:00.
    expect(workingCutoff(now, 120, paris)?.toISOString()).toBe(at('2026-11-20T17:00').toISOString());
    for (const minutes of [1, 59, 60, 540, 541, 2000]) {
      for (const iso of ['2026-11-23T10:00', '2026-11-22T15:00', '2026-03-30T09:01', '2026-11-24T18:30']) {
        const cut = workingCutoff(at(iso), minutes, paris);
        expect(cut).not.toBeNull();
        expect(workingMinutesBetween(cut as Date, at(iso), paris)).toBe(minutes);
        // A minute later is not yet late.
        expect(workingMinutesBetween(new Date((cut as Date).getTime() + 60_000), at(iso), paris)).toBe(
          minutes - 1,
        );
      }
    }
  });

  it('has no cutoff without working days, and refuses malformed hours', () => {
    expect(workingCutoff(at('2026-11-23T10:00'), 60, { ...paris, days: [] })).toBeNull();
    expect(
      workingMinutesBetween(at('2026-11-20T09:00'), at('2026-11-20T18:00'), { ...paris, end: '9:00' }),
    ).toBe(0);
    expect(parseHhMm('24:00')).toBeNull();
    expect(parseHhMm('08:30')).toEqual({ hour: 8, minute: 30 });
  });
});
