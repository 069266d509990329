// Scheduling reads a channel's other posts only when a rule counts them (issue 18): without caps or
// spacing, scheduling the 3,000th post on a channel costs what the first did.
import { describe, expect, it } from 'vitest';
import { countsOtherPosts } from './resolve-rules';

describe('countsOtherPosts', () => {
  it('is false without caps or spacing, whatever else the charter says', () => {
    expect(countsOtherPosts({ rules: {}, overrides: {} }, ['webhook', 'mastodon'])).toBe(false);
    expect(countsOtherPosts({ rules: { bannedPhrases: ['x'] } } as never, ['webhook'])).toBe(false);
  });

  it('is true when a counting rule applies to one of the networks', () => {
    expect(countsOtherPosts({ rules: { maxPostsPerDay: 3 } } as never, ['webhook'])).toBe(true);
    expect(countsOtherPosts({ rules: { minSpacingMinutes: 10 } } as never, ['bluesky'])).toBe(true);
    const onlyMastodon = { rules: {}, overrides: { mastodon: { maxPostsPerWeek: 5 } } } as never;
    expect(countsOtherPosts(onlyMastodon, ['webhook'])).toBe(false);
    expect(countsOtherPosts(onlyMastodon, ['webhook', 'mastodon'])).toBe(true);
  });

  it('is false when a network override removes the rule', () => {
    const removed = {
      rules: { maxPostsPerDay: 3 },
      overrides: { webhook: { maxPostsPerDay: null } },
    } as never;
    expect(countsOtherPosts(removed, ['webhook'])).toBe(false);
  });
});
