import { describe, expect, it } from 'vitest';
import { reviewCount } from './review-badge';

describe('reviewCount', () => {
  const posts = [{ author: { userId: 'me' } }, { author: { userId: 'ann' } }, { author: { userId: null } }];
  it('counts what others wrote for a manager, and one’s own for an editor', () => {
    expect(reviewCount(posts, 'me', false)).toBe(2);
    expect(reviewCount(posts, 'me', true)).toBe(1);
    expect(reviewCount(undefined, 'me', true)).toBe(0);
  });
});
