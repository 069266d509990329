import { describe, expect, it } from 'vitest';
import { parseZoneChoice, shownZone, withZoneChoice } from './calendar-url';
import { convertWallClock, landingTime, slotInstant, workspaceWallClock } from './landing-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('landingTime', () => {
  it('keeps the time of day of a post dropped on a day in month view, in the workspace zone', () => {
    // 14:30 in Paris (UTC+1 in March) dragged onto 10 March: lands 10 March 14:30 Paris.
    const dragged = new Date('2026-03-04T13:30:00Z');
    const day = new Date('2026-03-09T23:00:00Z'); // midnight of 10 March in Paris
    expect(iso(landingTime({ start: day, allDay: true }, dragged, 'Europe/Paris'))).toBe(
      '2026-03-10T13:30:00.000Z',
    );
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    const dragged = new Date('2026-03-27T13:30:00Z'); // 14:30 CET
    const day = new Date('2026-03-29T22:00:00Z'); // midnight of 30 March, CEST
    expect(iso(landingTime({ start: day, allDay: true }, dragged, 'Europe/Paris'))).toBe(
      '2026-03-30T12:30:00.000Z',
    );
  });

  it('uses the slot itself in time grids', () => {
    const slot = new Date('2026-03-10T08:00:00Z');
    expect(landingTime({ start: slot, allDay: false }, new Date(), 'Europe/Paris')).toBe(slot.getTime());
  });

  it("keeps the time of day as shown in the viewer's zone and sends the workspace's wall clock", () => {
    // Workspace in Paris, viewer in Montreal. The post is at 14:30 Paris = 08:30 Montreal on 4 March.
    const dragged = new Date('2026-03-04T13:30:00Z');
    const day = new Date('2026-03-06T05:00:00Z'); // midnight of 6 March in Montreal (EST, UTC-5)
    const landed = landingTime({ start: day, allDay: true }, dragged, 'America/Montreal');
    expect(iso(landed)).toBe('2026-03-06T13:30:00.000Z'); // still 08:30 in Montreal
    expect(workspaceWallClock(landed, 'Europe/Paris')).toBe('2026-03-06T14:30');
  });

  it('keeps the shown time of day when only the viewer zone changes offset (Montreal DST on 8 March)', () => {
    // 08:30 Montreal on 4 March (EST) moved to 9 March (EDT): still 08:30 there, 13:30 in Paris.
    const dragged = new Date('2026-03-04T13:30:00Z');
    const day = new Date('2026-03-09T04:00:00Z'); // midnight of 9 March in Montreal, EDT
    const landed = landingTime({ start: day, allDay: true }, dragged, 'America/Montreal');
    expect(workspaceWallClock(landed, 'America/Montreal')).toBe('2026-03-09T08:30');
    expect(workspaceWallClock(landed, 'Europe/Paris')).toBe('2026-03-09T13:30');
  });
});

describe('slotInstant', () => {
  it('reads a whole-day click as 09:00 on that day in the shown zone', () => {
    const day = new Date('2026-03-06T05:00:00Z'); // midnight of 6 March in Montreal (EST)
    const at = slotInstant(day, true, 'America/Montreal');
    expect(workspaceWallClock(at, 'America/Montreal')).toBe('2026-03-06T09:00');
    expect(workspaceWallClock(at, 'Europe/Paris')).toBe('2026-03-06T15:00');
  });

  it('takes a timed slot as it is', () => {
    const slot = new Date('2026-03-10T13:00:00Z');
    expect(workspaceWallClock(slotInstant(slot, false, 'America/Montreal'), 'Europe/Paris')).toBe(
      '2026-03-10T14:00',
    );
  });
});

describe('convertWallClock', () => {
  it('reads a time typed in the shown zone as the workspace wall clock', () => {
    // 10 March: Montreal already on summer time (UTC-4), Paris not yet (UTC+1).
    expect(convertWallClock('2026-03-10T08:30', 'America/Montreal', 'Europe/Paris')).toBe('2026-03-10T13:30');
    expect(convertWallClock('2026-03-10T14:30', 'Europe/Paris', 'Europe/Paris')).toBe('2026-03-10T14:30');
  });

  it('refuses what is not a time', () => {
    expect(convertWallClock('', 'Europe/Paris', 'Europe/Paris')).toBeNull();
    expect(convertWallClock('2026-13-40T99:00', 'Europe/Paris', 'Europe/Paris')).toBeNull();
  });
});

describe('zone choice in the URL', () => {
  it('shows the workspace zone unless ?tz=mine', () => {
    const mine = parseZoneChoice(new URLSearchParams('view=week&tz=mine'));
    expect(mine).toBe('mine');
    expect(shownZone(mine, 'Europe/Paris', 'America/Montreal')).toBe('America/Montreal');
    const other = parseZoneChoice(new URLSearchParams('tz=yours'));
    expect(shownZone(other, 'Europe/Paris', 'America/Montreal')).toBe('Europe/Paris');
  });

  it('writes tz=mine and removes it again, keeping the other parameters', () => {
    const on = withZoneChoice(new URLSearchParams('view=week'), 'mine');
    expect(on.toString()).toBe('view=week&tz=mine');
    expect(withZoneChoice(on, 'workspace').toString()).toBe('view=week');
  });
});
