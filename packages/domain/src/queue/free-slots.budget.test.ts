import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import type { RuleSet } from '../charter/schemas';
import { freeSlots, nextFreeSlots, slotBudget } from './free-slots';
import { zonedDays } from './zoned-days';

// 200 weekly slots, every 48 minutes of every day.
const slots = [1, 2, 3, 4, 5, 6, 7]
  .flatMap((weekday) =>
    Array.from({ length: 29 }, (_, k) => {
      const m = k * 48;
      return {
        weekday,
        localTime: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
      };
    }),
  )
  .slice(0, 200);
const windows: RuleSet['postingWindows'] = {
  byWeekday: { 1: [{ start: '09:00', end: '18:00' }], 3: [{ start: '09:00', end: '10:00' }] },
  severity: 'warn',
};
const after = new Date('2026-06-01T00:00:00Z');
const base = { slots, timezone: 'Europe/Paris', after, taken: [] as number[] };

// Issue 10, finding 2: each slot outside the windows was resolved in luxon and judged, messages
// and all, on every day of the horizon; the steps are now counted, and slots the windows always
// refuse are never looked at.
describe('the slot walk is bounded', () => {
  it('looks at each day once and only at slots the posting windows allow', () => {
    const budget = slotBudget(1_000_000);
    const all = [...freeSlots({ ...base, rules: { postingWindows: windows }, budget })];
    // Monday 09:00-18:00 holds 11 of the 48-minute slots (09:36 to 17:36), Wednesday 09:00-10:00
    // holds 1 (09:36); 367 days from a Monday hold 53 of each.
    expect(all).toHaveLength(53 * 12);
    const steps = 1_000_000 - budget.left;
    expect(steps).toBe(367 + all.length);
  });

  it('skips a blacked-out day without looking at its slots', () => {
    const budget = slotBudget(1_000_000);
    const rules: RuleSet = {
      blackoutDates: { dates: [{ from: '2026-01-01', to: '2027-12-31' }], severity: 'warn' },
    };
    expect([...freeSlots({ ...base, rules, budget })]).toEqual([]);
    expect(1_000_000 - budget.left).toBe(367);
  });

  it('stops with a 422 once the budget is spent', () => {
    const rules: RuleSet = { maxPostsPerDay: { max: 0, severity: 'warn' } };
    const run = () => nextFreeSlots({ ...base, rules, budget: slotBudget(5_000) }, 1);
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ code: 'unprocessable', details: { reason: 'queue_search_exhausted' } });
    }
  });
});

describe('zonedDays', () => {
  // The walk resolves a slot as midnight plus its minutes on days without a clock change: each day
  // must be exactly the one luxon gives, including zones that change at midnight or by 30 minutes.
  it.each([
    'Europe/Paris',
    'America/Santiago',
    'America/Havana',
    'Australia/Lord_Howe',
    'Asia/Tehran',
    'UTC',
  ])('matches luxon day by day for two years in %s', (zone) => {
    const from = new Date('2025-01-01T12:00:00Z');
    const first = DateTime.fromJSDate(from, { zone }).startOf('day');
    let d = 0;
    for (const day of zonedDays(from, zone, 730)) {
      const expected = first.plus({ days: d });
      const next = first.plus({ days: d + 1 });
      expect([day.date, day.weekday, day.start, day.end]).toEqual([
        expected.toISODate(),
        expected.weekday,
        expected.toMillis(),
        next.toMillis(),
      ]);
      if (day.plain) {
        expect(expected.hour).toBe(0);
        expect(next.toMillis() - expected.toMillis()).toBe(86_400_000);
        expect(expected.plus({ hours: 23, minutes: 59 }).toFormat('HH:mm')).toBe('23:59');
      }
      d++;
    }
    expect(d).toBe(731);
  });
});
