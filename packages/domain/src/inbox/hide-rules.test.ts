import { describe, expect, it } from 'vitest';
import { hideStateOf, hideUnsupportedReason } from './hide-rules';

const at = new Date('2026-11-26T10:00:00Z');

describe('where an item can be hidden', () => {
  const post = '00000000-0000-4000-8000-000000000001';
  it('a reply or comment under one of our posts, on a network whose adapter hides', () => {
    expect(hideUnsupportedReason({ network: 'bluesky', kind: 'reply', postId: post })).toBeNull();
    expect(hideUnsupportedReason({ network: 'bluesky', kind: 'comment', postId: post })).toBeNull();
    expect(hideUnsupportedReason({ network: 'x', kind: 'reply', postId: post })).toBeNull();
    expect(hideUnsupportedReason({ network: 'x', kind: 'mention', postId: null })).toBe('not_our_post');
  });
  it('not a mention, a quote, or a reply in a thread that is not ours', () => {
    expect(hideUnsupportedReason({ network: 'bluesky', kind: 'mention', postId: null })).toBe('not_our_post');
    expect(hideUnsupportedReason({ network: 'bluesky', kind: 'quote', postId: post })).toBe('not_our_post');
    expect(hideUnsupportedReason({ network: 'bluesky', kind: 'reply', postId: null })).toBe('not_our_post');
  });
  it('on Threads, only a reply made directly under our post (hiding it hides those under it)', () => {
    const threads = { network: 'threads' as const, kind: 'comment' as const, postId: post };
    const top = { ...threads, parentExternalId: '900', threadRootExternalId: '900' };
    expect(hideUnsupportedReason(top)).toBeNull();
    expect(hideUnsupportedReason({ ...top, parentExternalId: '501' })).toBe('nested_reply');
    // Bluesky hides any reply of the thread.
    expect(hideUnsupportedReason({ ...top, network: 'bluesky', parentExternalId: '501' })).toBeNull();
  });
  it('never on Mastodon or LinkedIn (no such thing there), nor where Cadence cannot hide yet', () => {
    expect(hideUnsupportedReason({ network: 'mastodon', kind: 'reply', postId: post })).toBe('not_in_api');
    expect(hideUnsupportedReason({ network: 'linkedin', kind: 'comment', postId: post })).toBe('not_in_api');
    expect(hideUnsupportedReason({ network: 'sandbox', kind: 'reply', postId: post })).toBe('not_read');
  });
});

describe('the hide state shown', () => {
  it.each([
    [{ hideRequestedAt: null, hiddenAt: null, hideError: null }, 'visible'],
    [{ hideRequestedAt: at, hiddenAt: null, hideError: null }, 'hiding'],
    [{ hideRequestedAt: at, hiddenAt: at, hideError: null }, 'hidden'],
    [{ hideRequestedAt: null, hiddenAt: at, hideError: null }, 'showing'],
    [{ hideRequestedAt: at, hiddenAt: null, hideError: 'refused' }, 'failed'],
  ] as const)('%o is %s', (columns, state) => {
    expect(hideStateOf(columns)).toBe(state);
  });
});
