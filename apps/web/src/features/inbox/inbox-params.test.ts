import { describe, expect, it } from 'vitest';
import { filterFromParams, safeHref } from './inbox-params';

describe('filterFromParams', () => {
  it('starts at open, newest first', () => {
    expect(filterFromParams(new URLSearchParams())).toEqual({ status: 'open', order: 'newest' });
  });
  it('keeps known values and drops unknown ones', () => {
    const id = '0b7f3c9e-2a4d-4c1e-9f00-123456789abc';
    const p = new URLSearchParams({
      status: 'all',
      network: 'bluesky',
      channelId: id,
      assignee: 'me',
      order: 'oldest_waiting',
      campaignId: 'nope',
    });
    expect(filterFromParams(p)).toEqual({
      network: 'bluesky',
      channelId: id,
      assignee: 'me',
      order: 'oldest_waiting',
    });
    expect(filterFromParams(new URLSearchParams({ status: 'closed', network: 'myspace' }))).toEqual({
      status: 'open',
      order: 'newest',
    });
  });
});

describe('safeHref', () => {
  it('lets only http(s) through', () => {
    expect(safeHref('https://bsky.app/profile/a/post/1')).toBe('https://bsky.app/profile/a/post/1');
    expect(safeHref('http://example.org/x')).toBe('http://example.org/x');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
