import { describe, expect, it } from 'vitest';
import { landingTime } from './landing-time';

describe('landingTime', () => {
  it('keeps the time of day of a post dropped on a day in month view, in the workspace zone', () => {
    // 14:30 in Paris (UTC+1 in March) dragged onto 10 March: lands 10 March 14:30 Paris.
    const dragged = new Date('2026-03-04T13:30:00Z');
    const day = new Date('2026-03-09T23:00:00Z'); // midnight of 10 March in Paris
    expect(new Date(landingTime({ start: day, allDay: true }, dragged, 'Europe/Paris')).toISOString()).toBe(
      '2026-03-10T13:30:00.000Z',
    );
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    const dragged = new Date('2026-03-27T13:30:00Z'); // 14:30 CET
    const day = new Date('2026-03-29T22:00:00Z'); // midnight of 30 March, CEST
    expect(new Date(landingTime({ start: day, allDay: true }, dragged, 'Europe/Paris')).toISOString()).toBe(
      '2026-03-30T12:30:00.000Z',
    );
  });

  it('uses the slot itself in time grids', () => {
    const slot = new Date('2026-03-10T08:00:00Z');
    expect(landingTime({ start: slot, allDay: false }, new Date(), 'Europe/Paris')).toBe(slot.getTime());
  });
});
