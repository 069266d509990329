import { describe, expect, it } from 'vitest';
import { blackoutDays, blackoutEvents, closedHourEvents } from './charter-shading';

const week = { from: '2026-12-21T00:00:00+01:00', to: '2026-12-28T00:00:00+01:00' };
const zone = 'Europe/Paris';

describe('blackout days on the calendar', () => {
  it('names each visible day of a period, labels of overlapping periods joined', () => {
    const days = blackoutDays(
      {
        dates: [
          { from: '2026-12-24', to: '2026-12-26', reason: 'Noël' },
          { from: '2026-12-26', to: '2027-01-02', reason: 'Fermeture' },
          { from: '2026-12-01', to: '2026-12-01' },
        ],
        severity: 'block',
      },
      week,
      zone,
    );
    expect([...days]).toEqual([
      ['2026-12-24', 'Noël'],
      ['2026-12-25', 'Noël'],
      ['2026-12-26', 'Noël · Fermeture'],
      ['2026-12-27', 'Fermeture'],
    ]);
  });

  it('draws backgrounds in the grids and lines in the list (which draws no backgrounds)', () => {
    const days = new Map([['2026-12-25', 'Noël']]);
    expect(blackoutEvents(days, 'month')[0]).toMatchObject({
      start: '2026-12-25',
      end: '2026-12-26',
      allDay: true,
      display: 'background',
      extendedProps: { shade: 'blackout', label: 'Noël' },
    });
    expect(blackoutEvents(days, 'list')[0]?.display).toBe('auto');
  });
});

describe('closed posting hours', () => {
  it('shades around the windows, a day without windows whole, in the workspace zone', () => {
    const events = closedHourEvents(
      {
        byWeekday: {
          1: [
            { start: '14:00', end: '18:00' },
            { start: '09:00', end: '12:00' },
          ],
        },
        severity: 'warn',
      },
      { from: '2026-12-21T00:00:00+01:00', to: '2026-12-23T00:00:00+01:00' },
      zone,
    );
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2026-12-21T00:00:00.000+01:00', '2026-12-21T09:00:00.000+01:00'],
      ['2026-12-21T12:00:00.000+01:00', '2026-12-21T14:00:00.000+01:00'],
      ['2026-12-21T18:00:00.000+01:00', '2026-12-22T00:00:00.000+01:00'],
      ['2026-12-22T00:00:00.000+01:00', '2026-12-23T00:00:00.000+01:00'],
    ]);
  });

  it('leaves a day open until midnight when a window ends at 24:00', () => {
    const events = closedHourEvents(
      { byWeekday: { 1: [{ start: '00:00', end: '24:00' }] }, severity: 'warn' },
      { from: '2026-12-21T00:00:00+01:00', to: '2026-12-22T00:00:00+01:00' },
      zone,
    );
    expect(events).toEqual([]);
  });
});
