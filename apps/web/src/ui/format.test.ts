import { describe, expect, it } from 'vitest';
import { formatDayRange } from './format';

// Intl separates the ends with a thin or plain space around an en dash depending on the ICU version.
const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('a campaign’s dates', () => {
  it('read as French writes them, never as ISO days', () => {
    expect(plain(formatDayRange('2026-11-25', '2026-12-31', 'fr'))).toBe('25 nov. – 31 déc. 2026');
  });

  it('read as English writes them', () => {
    expect(plain(formatDayRange('2026-11-25', '2026-12-31', 'en'))).toBe('Nov 25 – Dec 31, 2026');
  });

  it('name both years when the range crosses one', () => {
    expect(plain(formatDayRange('2026-12-20', '2027-01-05', 'fr'))).toBe('20 déc. 2026 – 5 janv. 2027');
  });
});
