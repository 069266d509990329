import { describe, expect, it } from 'vitest';
import { IMAGE_SLOTS, withImageSlot } from '../src/intake/image-slots';

describe('image slots', () => {
  it('runs at most IMAGE_SLOTS image jobs at once, in arrival order, and frees a slot on failure', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number, fail = false) =>
      withImageSlot(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        order.push(n);
        if (fail) throw new Error('bad image');
        return n;
      });
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6, 7, 8].map((n) => job(n, n === 2)));
    expect(most).toBe(IMAGE_SLOTS);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(order.slice(IMAGE_SLOTS)).toEqual([3, 4, 5, 6, 7, 8]);
    // Everything released: the next job starts at once.
    expect(await job(9)).toBe(9);
  });
});
