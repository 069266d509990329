import { describe, expect, it } from 'vitest';
import { likeStateOf, likeUnsupportedReason } from './like-rules';

const at = new Date('2026-11-26T10:00:00Z');

describe('like state', () => {
  it('follows what was asked and what the network has', () => {
    expect(likeStateOf({ likeRequestedAt: null, likedAt: null, likeError: null })).toBe('none');
    expect(likeStateOf({ likeRequestedAt: at, likedAt: null, likeError: null })).toBe('liking');
    expect(likeStateOf({ likeRequestedAt: at, likedAt: at, likeError: null })).toBe('liked');
    expect(likeStateOf({ likeRequestedAt: null, likedAt: at, likeError: null })).toBe('unliking');
  });

  it('shows a failure whichever way it went', () => {
    expect(likeStateOf({ likeRequestedAt: at, likedAt: null, likeError: 'refused' })).toBe('failed');
    expect(likeStateOf({ likeRequestedAt: null, likedAt: at, likeError: 'refused' })).toBe('failed');
  });
});

describe('where liking is possible', () => {
  it('Mastodon, Bluesky, X, Facebook and LinkedIn; Threads has no like in its API; Instagram not built', () => {
    expect(likeUnsupportedReason('mastodon')).toBeNull();
    expect(likeUnsupportedReason('bluesky')).toBeNull();
    expect(likeUnsupportedReason('x')).toBeNull();
    expect(likeUnsupportedReason('facebook')).toBeNull();
    expect(likeUnsupportedReason('threads')).toBe('not_in_api');
    expect(likeUnsupportedReason('instagram')).toBe('not_read');
    expect(likeUnsupportedReason('linkedin')).toBeNull();
  });
});
