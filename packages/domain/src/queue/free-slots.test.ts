import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../charter/schemas';
import { earliestCommonSlot, freeSlots, nextFreeSlots } from './free-slots';
import type { WeeklySlot } from './schemas';

const everyDay = (...times: string[]): WeeklySlot[] =>
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => times.map((localTime) => ({ weekday, localTime })));

const base = { taken: [] as number[], rules: {} as RuleSet };

describe('nextFreeSlots', () => {
  it('walks forward from now in the workspace zone, in time order', () => {
    const slots = [
      { weekday: 2, localTime: '17:00' },
      { weekday: 2, localTime: '09:00' },
      { weekday: 4, localTime: '12:30' },
    ];
    // Tuesday 2026-06-02 10:00 in Paris (08:00Z): Tuesday 09:00 is gone, 17:00 is next.
    const got = nextFreeSlots(
      { ...base, slots, timezone: 'Europe/Paris', after: new Date('2026-06-02T08:00:00Z') },
      4,
    );
    expect(got.map((s) => s.local)).toEqual([
      '2026-06-02T17:00',
      '2026-06-04T12:30',
      '2026-06-09T09:00',
      '2026-06-09T17:00',
    ]);
    expect(got[0]?.at.toISOString()).toBe('2026-06-02T15:00:00.000Z');
  });

  it('skips slots already taken on the channel and treats a slot at exactly now as past', () => {
    const after = new Date('2026-06-01T07:00:00Z'); // Monday 09:00 Paris exactly
    const taken = [Date.parse('2026-06-01T10:00:00Z')]; // Monday 12:00 Paris
    const got = nextFreeSlots(
      { ...base, taken, slots: everyDay('09:00', '12:00'), timezone: 'Europe/Paris', after },
      2,
    );
    expect(got.map((s) => s.local)).toEqual(['2026-06-02T09:00', '2026-06-02T12:00']);
  });

  it('respects posting windows, blackout dates, spacing and daily and weekly caps', () => {
    const after = new Date('2026-06-01T00:00:00Z'); // Monday
    const rules: RuleSet = {
      postingWindows: {
        byWeekday: {
          1: [{ start: '10:00', end: '18:00' }],
          2: [{ start: '08:00', end: '20:00' }],
          3: [{ start: '08:00', end: '20:00' }],
          4: [{ start: '08:00', end: '20:00' }],
        },
        severity: 'warn',
      },
      blackoutDates: {
        dates: [{ from: '2026-06-03', to: '2026-06-03', reason: 'strike' }],
        severity: 'block',
      },
      minSpacingMinutes: { minutes: 120, severity: 'block' },
      maxPostsPerDay: { max: 2, severity: 'block' },
      maxPostsPerWeek: { max: 5, severity: 'block' },
    };
    // Tuesday 10:00 Paris is taken: 11:00 is within 120 minutes of it.
    const taken = [Date.parse('2026-06-02T08:00:00Z')];
    const got = nextFreeSlots(
      {
        ...base,
        rules,
        taken,
        slots: everyDay('09:00', '11:00', '13:00', '15:00'),
        timezone: 'Europe/Paris',
        after,
      },
      5,
    );
    expect(got.map((s) => s.local)).toEqual([
      // Monday: 09:00 is outside the window; 11:00 and 13:00 fill the daily cap of 2.
      '2026-06-01T11:00',
      '2026-06-01T13:00',
      // Tuesday: 09:00 and 11:00 are too close to the 10:00 post; 13:00 makes two that day.
      '2026-06-02T13:00',
      // Wednesday is a blackout; Thursday takes the weekly cap to 5; Friday to Sunday have no window.
      '2026-06-04T09:00',
      // A new ISO week starts on Monday.
      '2026-06-08T11:00',
    ]);
  });

  it('keeps a slot at its wall-clock time across the 2026 and 2027 changes in Paris and New York', () => {
    const cases = [
      // zone, day before, day after, slot, instant before, instant after
      ['Europe/Paris', '2026-03-28', '2026-03-30', '2026-03-28T08:00:00.000Z', '2026-03-30T07:00:00.000Z'],
      ['Europe/Paris', '2026-10-24', '2026-10-26', '2026-10-24T07:00:00.000Z', '2026-10-26T08:00:00.000Z'],
      ['Europe/Paris', '2027-03-27', '2027-03-29', '2027-03-27T08:00:00.000Z', '2027-03-29T07:00:00.000Z'],
      ['Europe/Paris', '2027-10-30', '2027-11-01', '2027-10-30T07:00:00.000Z', '2027-11-01T08:00:00.000Z'],
      [
        'America/New_York',
        '2026-03-07',
        '2026-03-09',
        '2026-03-07T14:00:00.000Z',
        '2026-03-09T13:00:00.000Z',
      ],
      [
        'America/New_York',
        '2026-10-31',
        '2026-11-02',
        '2026-10-31T13:00:00.000Z',
        '2026-11-02T14:00:00.000Z',
      ],
      [
        'America/New_York',
        '2027-03-13',
        '2027-03-15',
        '2027-03-13T14:00:00.000Z',
        '2027-03-15T13:00:00.000Z',
      ],
      [
        'America/New_York',
        '2027-11-06',
        '2027-11-08',
        '2027-11-06T13:00:00.000Z',
        '2027-11-08T14:00:00.000Z',
      ],
    ] as const;
    for (const [zone, dayBefore, dayAfter, instantBefore, instantAfter] of cases) {
      const after = new Date(`${dayBefore}T00:00:00Z`);
      const got = nextFreeSlots({ ...base, slots: everyDay('09:00'), timezone: zone, after }, 3);
      expect(got.map((s) => s.local.slice(11))).toEqual(['09:00', '09:00', '09:00']);
      expect(got[0]?.at.toISOString()).toBe(instantBefore);
      expect(got[0]?.local.slice(0, 10)).toBe(dayBefore);
      expect(got[2]?.local.slice(0, 10)).toBe(dayAfter);
      expect(got[2]?.at.toISOString()).toBe(instantAfter);
    }
  });

  it('skips a slot that falls in a spring-forward gap, and only on that day', () => {
    const paris = nextFreeSlots(
      {
        ...base,
        slots: everyDay('02:30'),
        timezone: 'Europe/Paris',
        after: new Date('2026-03-27T12:00:00Z'),
      },
      3,
    );
    expect(paris.map((s) => s.local)).toEqual(['2026-03-28T02:30', '2026-03-30T02:30', '2026-03-31T02:30']);
    expect(paris[1]?.at.toISOString()).toBe('2026-03-30T00:30:00.000Z');
    const ny = nextFreeSlots(
      {
        ...base,
        slots: everyDay('02:15'),
        timezone: 'America/New_York',
        after: new Date('2027-03-13T12:00:00Z'),
      },
      1,
    );
    expect(ny.map((s) => s.local)).toEqual(['2027-03-15T02:15']);
  });

  it('uses the earlier instant of a fall-back overlap, once', () => {
    const paris = nextFreeSlots(
      {
        ...base,
        slots: everyDay('02:30'),
        timezone: 'Europe/Paris',
        after: new Date('2026-10-24T12:00:00Z'),
      },
      2,
    );
    expect(paris[0]).toEqual({
      at: new Date('2026-10-25T00:30:00Z'),
      local: '2026-10-25T02:30',
      ambiguous: true,
    });
    expect(paris[1]?.local).toBe('2026-10-26T02:30');
    const ny = nextFreeSlots(
      {
        ...base,
        slots: everyDay('01:30'),
        timezone: 'America/New_York',
        after: new Date('2027-11-06T12:00:00Z'),
      },
      1,
    );
    expect(ny[0]).toEqual({
      at: new Date('2027-11-07T05:30:00Z'),
      local: '2027-11-07T01:30',
      ambiguous: true,
    });
  });

  it('yields nothing without slots, and stops at the horizon', () => {
    const after = new Date('2026-06-01T00:00:00Z');
    expect(nextFreeSlots({ ...base, slots: [], timezone: 'Europe/Paris', after }, 3)).toEqual([]);
    const rules: RuleSet = {
      blackoutDates: { dates: [{ from: '2026-01-01', to: '2026-12-31' }], severity: 'warn' },
    };
    const got = [
      ...freeSlots({
        ...base,
        rules,
        slots: everyDay('09:00'),
        timezone: 'Europe/Paris',
        after,
        horizonDays: 400,
      }),
    ];
    expect(got[0]?.local).toBe('2027-01-01T09:00');
    expect(got.at(-1)?.local).toBe('2027-07-06T09:00');
  });
});

describe('earliestCommonSlot', () => {
  const after = new Date('2026-06-01T00:00:00Z'); // Monday
  const stream = (slots: WeeklySlot[], taken: number[] = []) =>
    freeSlots({ ...base, slots, taken, timezone: 'Europe/Paris', after });

  it('finds the first instant free on every channel', () => {
    const a = stream(everyDay('09:00', '12:00'), [Date.parse('2026-06-01T10:00:00Z')]);
    const b = stream([
      { weekday: 1, localTime: '12:00' },
      { weekday: 2, localTime: '12:00' },
    ]);
    expect(earliestCommonSlot([a, b])?.local).toBe('2026-06-02T12:00');
  });

  it('is null when the channels never share a slot', () => {
    expect(earliestCommonSlot([stream(everyDay('09:00')), stream(everyDay('10:00'))])).toBeNull();
    expect(earliestCommonSlot([])).toBeNull();
  });
});
