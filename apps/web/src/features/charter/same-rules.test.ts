import { describe, expect, it } from 'vitest';
import { sameRules } from './same-rules';

describe('sameRules', () => {
  it('ignores key order and undefined keys, not values or list order', () => {
    expect(sameRules({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameRules({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(sameRules({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameRules({ a: null }, { a: {} })).toBe(false);
    expect(sameRules({ a: '1' }, { a: 1 })).toBe(false);
  });
});
