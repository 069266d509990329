import { describe, expect, it } from 'vitest';
import { splitPeriod } from './period-split';

describe('splitPeriod', () => {
  it('reads a period of whole local days from the roll-up alone', () => {
    const split = splitPeriod(
      new Date('2026-02-28T23:00:00Z'),
      new Date('2026-03-31T22:00:00Z'),
      'Europe/Paris',
    );
    expect(split.days).toEqual({ first: '2026-03-01', end: '2026-04-01' });
    expect(split.edges).toEqual([]);
  });

  it('reads the partial days at either end from the facts', () => {
    const split = splitPeriod(new Date('2026-03-01T10:00:00Z'), new Date('2026-03-05T10:00:00Z'), 'UTC');
    expect(split.days).toEqual({ first: '2026-03-02', end: '2026-03-05' });
    expect(split.edges).toEqual([
      { from: new Date('2026-03-01T10:00:00Z'), to: new Date('2026-03-02T00:00:00Z') },
      { from: new Date('2026-03-05T00:00:00Z'), to: new Date('2026-03-05T10:00:00Z') },
    ]);
  });

  it('has no whole day inside a period shorter than one', () => {
    const from = new Date('2026-03-01T10:00:00Z');
    const to = new Date('2026-03-02T09:00:00Z');
    expect(splitPeriod(from, to, 'UTC')).toEqual({ days: null, edges: [{ from, to }] });
  });
});
