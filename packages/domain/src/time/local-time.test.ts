import { describe, expect, it } from 'vitest';
import { resolveLocalTime, toLocal } from './local-time';

describe('resolveLocalTime', () => {
  it('keeps the wall-clock time on both sides of DST in Europe/Paris', () => {
    const winter = resolveLocalTime('2026-03-28T09:00', 'Europe/Paris');
    const summer = resolveLocalTime('2026-03-30T09:00', 'Europe/Paris');
    expect(winter.ok && winter.instant.toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(summer.ok && summer.instant.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('refuses a time in the spring-forward gap, naming the gap', () => {
    const r = resolveLocalTime('2026-03-29T02:30', 'Europe/Paris');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('nonexistent');
      expect(r.gap).toEqual({ from: '02:00', to: '03:00' });
      expect(r.message).toContain('02:00');
    }
    const ny = resolveLocalTime('2027-03-14T02:15', 'America/New_York');
    expect(ny.ok).toBe(false);
  });

  it('resolves a fall-back overlap to the earlier instant', () => {
    const paris = resolveLocalTime('2026-10-25T02:30', 'Europe/Paris');
    expect(paris.ok && paris.ambiguous).toBe(true);
    expect(paris.ok && paris.instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    const ny = resolveLocalTime('2026-11-01T01:30', 'America/New_York');
    expect(ny.ok && ny.instant.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    const nyNext = resolveLocalTime('2027-11-07T01:30', 'America/New_York');
    expect(nyNext.ok && nyNext.instant.toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });

  it('is not ambiguous on an ordinary day', () => {
    const r = resolveLocalTime('2026-07-14T12:00', 'Europe/Paris');
    expect(r.ok && r.ambiguous).toBe(false);
  });

  it('refuses bad zones and bad times', () => {
    expect(resolveLocalTime('2026-07-14T12:00', 'Mars/Olympus').ok).toBe(false);
    expect(resolveLocalTime('2026-02-30T12:00', 'Europe/Paris').ok).toBe(false);
    expect(resolveLocalTime('tomorrow', 'Europe/Paris').ok).toBe(false);
  });

  it('reads an instant back as wall-clock time', () => {
    expect(toLocal(new Date('2026-10-25T00:30:00Z'), 'Europe/Paris')).toBe('2026-10-25T02:30');
  });
});
