import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronExpression } from './cron-expression';

describe('cronExpression', () => {
  it.each([
    [1_000, '* * * * * *'],
    [5_000, '*/5 * * * * *'],
    [30_000, '*/30 * * * * *'],
    [60_000, '0 */1 * * * *'],
    [15 * 60_000, '0 */15 * * * *'],
    [3_600_000, '0 0 */1 * * *'],
    [6 * 3_600_000, '0 0 */6 * * *'],
    [24 * 3_600_000, '0 0 */24 * * *'],
  ])('says %i ms as %s, which node-cron accepts', (ms, expression) => {
    expect(cronExpression(ms)).toBe(expression);
    expect(cron.validate(expression)).toBe(true);
  });

  it.each([0, -1_000, 250, 1_500, 7_000, 45 * 60_000, 5 * 3_600_000, 48 * 3_600_000])(
    'has no cron form for %i ms (such periods run on a plain interval)',
    (ms) => {
      expect(cronExpression(ms)).toBeNull();
    },
  );
});
