import { describe, expect, it } from 'vitest';
import { earliestCommon } from './next-slot';

describe('earliestCommon', () => {
  it('finds the first slot free on every channel', () => {
    expect(earliestCommon([['2026-03-04T10:00', '2026-03-04T14:00'], ['2026-03-04T14:00']])).toBe(
      '2026-03-04T14:00',
    );
    expect(earliestCommon([['2026-03-05T09:00', '2026-03-04T09:00']])).toBe('2026-03-04T09:00');
    expect(earliestCommon([['2026-03-04T10:00'], ['2026-03-05T10:00']])).toBeNull();
    expect(earliestCommon([])).toBeNull();
  });
});
