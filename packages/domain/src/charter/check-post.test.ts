import { describe, expect, it } from 'vitest';
import { checkPost, hasBlocking } from './check-post';
import { charter, inEnglish, postInput } from './test-support';

const rulesOf = (input: Parameters<typeof checkPost>[0]) => checkPost(input).map((v) => v.rule);

describe('checkPost: network hard limits', () => {
  it.each([
    ['x', 'a'.repeat(280), 'a'.repeat(281)],
    [
      'x',
      `${'a'.repeat(256)} https://example.com/${'p'.repeat(100)}`,
      `${'a'.repeat(257)} https://example.com/p`,
    ],
    ['x', '日'.repeat(140), `${'日'.repeat(140)}!`],
    ['bluesky', '👨‍👩‍👧‍👦'.repeat(100) + 'a'.repeat(200), 'a'.repeat(301)],
    ['mastodon', `${'a'.repeat(476)} https://example.com/${'p'.repeat(100)}`, 'a'.repeat(501)],
    ['linkedin', 'é'.repeat(3000), 'e\u0301'.repeat(3001)],
    ['instagram', 'a'.repeat(2200), 'a'.repeat(2201)],
    ['threads', `${'a'.repeat(496)}😀`, `${'a'.repeat(497)}😀`],
  ] as const)('%s: passes at the limit, blocks one over', (network, atLimit, over) => {
    const target = { channelId: 'c1', network, mediaCount: 1 };
    expect(checkPost(postInput({ text: atLimit, targets: [target] }))).toEqual([]);
    const violations = checkPost(postInput({ text: over, targets: [target] }));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      rule: 'network.maxLength',
      severity: 'block',
      network,
      channelId: 'c1',
    });
    const range = violations[0]?.range;
    expect(range && range.start < range.end && range.end === over.length).toBe(true);
  });

  it('points the length range at what goes past the limit', () => {
    const text = 'a'.repeat(301);
    const [v] = checkPost(postInput({ text, targets: [{ channelId: 'c', network: 'bluesky' }] }));
    expect(v?.range).toEqual({ start: 300, end: 301 });
  });

  it('blocks Bluesky text over 3,000 bytes even under 300 graphemes', () => {
    const text = '👨‍👩‍👧‍👦'.repeat(121);
    expect(rulesOf(postInput({ text, targets: [{ channelId: 'c', network: 'bluesky' }] }))).toEqual([
      'network.maxBytes',
    ]);
  });

  it('requires media on Instagram and caps hashtags at 30 and mentions at 20', () => {
    const ig = { channelId: 'c', network: 'instagram' } as const;
    expect(rulesOf(postInput({ targets: [ig] }))).toEqual(['network.mediaRequired']);
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    const text = `${tags} ${Array.from({ length: 21 }, (_, i) => `@user${i}`).join(' ')}`;
    const violations = checkPost(postInput({ text, targets: [{ ...ig, mediaKinds: ['image'] }] }));
    expect(violations.map((v) => v.rule)).toEqual(['network.maxHashtags', 'network.maxMentions']);
    expect(text.slice(violations[0]?.range?.start, violations[0]?.range?.end)).toMatch(/^#tag30/);
    expect(hasBlocking(violations)).toBe(true);
  });

  it('checks media count, kinds and mixing', () => {
    const x = (mediaKinds: ('image' | 'video' | 'gif')[]) =>
      rulesOf(postInput({ targets: [{ channelId: 'c', network: 'x', mediaKinds }] }));
    expect(x(['image', 'image', 'image', 'image'])).toEqual([]);
    expect(x(['image', 'image', 'image', 'image', 'image'])).toEqual(['network.maxMedia']);
    expect(x(['video'])).toEqual([]);
    expect(x(['video', 'image'])).toEqual(['network.videoAlone']);
    expect(
      rulesOf(postInput({ targets: [{ channelId: 'c', network: 'instagram', mediaKinds: ['gif'] }] })),
    ).toEqual(['network.mediaKind']);
    expect(
      rulesOf(postInput({ targets: [{ channelId: 'c', network: 'linkedin', mediaCount: 21 }] })),
    ).toEqual(['network.maxMedia']);
  });

  it('blocks more than 5 distinct links on Threads', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://ex${i}.com`).join(' ');
    const target = { channelId: 'c', network: 'threads' } as const;
    expect(rulesOf(postInput({ text: `${links(5)} https://ex0.com`, targets: [target] }))).toEqual([]);
    expect(rulesOf(postInput({ text: links(6), targets: [target] }))).toEqual(['network.maxLinks']);
  });

  it('blocks on network limits whatever the charter severity', () => {
    const violations = checkPost(postInput({ text: 'a'.repeat(600), charter: charter({}) }));
    expect(violations.every((v) => v.severity === 'block')).toBe(true);
  });
});

describe('checkPost: text rules', () => {
  it('flags banned phrases, with the range of each occurrence', () => {
    const text = 'Un cafe\u0301 pas cher à la cafeteria, vraiment PAS  CHER.';
    const violations = checkPost(
      postInput({
        text,
        charter: charter({ rules: { bannedPhrases: { phrases: ['cafe', 'pas cher'], severity: 'warn' } } }),
      }),
    );
    expect(violations.map((v) => text.slice(v.range?.start, v.range?.end))).toEqual([
      'cafe\u0301',
      'pas cher',
      'PAS  CHER',
    ]);
    expect(violations[0]).toMatchObject({ rule: 'bannedPhrases', severity: 'warn', field: 'text' });
    expect(hasBlocking(violations)).toBe(false);
  });

  it('requires all of some hashtags and one of others, ignoring case and accents', () => {
    const rules = { requiredHashtags: { allOf: ['#Marque', 'ete'], oneOf: ['a', 'b'], severity: 'block' } };
    const input = (text: string) => postInput({ text, charter: charter({ rules }) });
    expect(rulesOf(input('#marque #été #B'))).toEqual([]);
    const violations = checkPost(input('#marque'));
    expect(violations.map(inEnglish)).toEqual([
      'Add the hashtags the charter requires: #ete.',
      'Add one of the hashtags the charter asks for: #a or #b.',
    ]);
  });

  it('flags forbidden hashtags at their place', () => {
    const text = 'Hi #NSFW';
    const [v] = checkPost(
      postInput({
        text,
        charter: charter({ rules: { forbiddenHashtags: { tags: ['nsfw'], severity: 'block' } } }),
      }),
    );
    expect(v).toMatchObject({ rule: 'forbiddenHashtags', range: { start: 3, end: 8 } });
  });

  it('caps hashtags, mentions and emoji', () => {
    const rules = {
      maxHashtags: { max: 2, severity: 'warn' },
      maxMentions: { max: 1, severity: 'warn' },
      maxEmoji: { max: 2, severity: 'warn' },
    };
    const input = (text: string) => postInput({ text, charter: charter({ rules }) });
    expect(rulesOf(input('#a #b @x 👨‍👩‍👧‍👦 🇫🇷'))).toEqual([]);
    const text = '#a #b #c @x @y 👨‍👩‍👧‍👦 🇫🇷 😀';
    const violations = checkPost(input(text));
    expect(violations.map((v) => [v.rule, text.slice(v.range?.start, v.range?.end)])).toEqual([
      ['maxHashtags', '#c'],
      ['maxMentions', '@y'],
      ['maxEmoji', '😀'],
    ]);
  });

  it('applies the charter length as the network counts', () => {
    const rules = { maxLength: { max: 100, severity: 'warn' } };
    const target = [{ channelId: 'c', network: 'x' }] as const;
    expect(
      rulesOf(postInput({ text: '日'.repeat(50), targets: [...target], charter: charter({ rules }) })),
    ).toEqual([]);
    expect(
      rulesOf(postInput({ text: '日'.repeat(51), targets: [...target], charter: charter({ rules }) })),
    ).toEqual(['maxLength']);
  });

  describe('link', () => {
    const input = (text: string, link: object) => postInput({ text, charter: charter({ rules: { link } }) });

    it('requires a link', () => {
      expect(rulesOf(input('no link', { mode: 'required', severity: 'block' }))).toEqual(['link']);
      expect(rulesOf(input('see example.com', { mode: 'required', severity: 'block' }))).toEqual([]);
    });

    it('forbids links', () => {
      const [v] = checkPost(input('see https://ex.com now', { mode: 'forbidden', severity: 'warn' }));
      expect(v).toMatchObject({ rule: 'link', range: { start: 4, end: 18 } });
    });

    it('allows listed domains and their subdomains only', () => {
      const rule = { mode: 'optional', allowedDomains: ['example.com'], severity: 'block' };
      expect(rulesOf(input('https://example.com https://shop.example.com/a', rule))).toEqual([]);
      expect(rulesOf(input('https://notexample.com https://example.com.evil.io', rule))).toEqual([
        'link',
        'link',
      ]);
    });

    it('requires UTM parameters with values', () => {
      const rule = { mode: 'optional', requiredUtm: ['utm_source', 'utm_campaign'], severity: 'warn' };
      expect(rulesOf(input('https://ex.com/?utm_source=x&utm_campaign=y', rule))).toEqual([]);
      const [v] = checkPost(input('https://ex.com/?utm_source=x&utm_campaign=', rule));
      expect(inEnglish(v)).toBe(
        'This link lacks the tracking parameters the charter requires: utm_campaign.',
      );
    });
  });
});

describe('checkPost: overrides and campaigns', () => {
  const rules = charter({
    rules: { maxHashtags: { max: 1, severity: 'warn' } },
    overrides: { instagram: { maxHashtags: { max: 10, severity: 'warn' } }, linkedin: { maxHashtags: null } },
  });
  const targets = [
    { channelId: 'm', network: 'mastodon' },
    { channelId: 'i', network: 'instagram', mediaCount: 1 },
    { channelId: 'l', network: 'linkedin' },
  ] as const;

  it('replaces a workspace rule on one network, or turns it off', () => {
    const violations = checkPost(postInput({ text: '#a #b #c', targets: [...targets], charter: rules }));
    expect(violations.map((v) => [v.rule, v.channelId])).toEqual([['maxHashtags', 'm']]);
  });

  it('checks each target against its own text', () => {
    const violations = checkPost(
      postInput({
        text: '#a',
        targets: [{ channelId: 'm', network: 'mastodon', text: '#a #b' }],
        charter: rules,
      }),
    );
    expect(violations[0]?.range).toEqual({ start: 3, end: 5 });
  });

  const campaign = {
    startsOn: '2025-06-01',
    endsOn: '2025-06-30',
    additions: {
      requiredHashtags: { allOf: ['soldes'], oneOf: [], severity: 'block' as const },
      bannedPhrases: { phrases: ['gratuit'], severity: 'warn' as const },
      link: { mode: 'required' as const, requiredUtm: ['utm_campaign'], severity: 'block' as const },
    },
  };

  it('adds campaign rules for posts scheduled within its dates, in the workspace zone', () => {
    // 21:30 UTC is 23:30 on 30 June in Paris (in the campaign); 22:30 UTC is already 1 July there.
    const inside = postInput({ text: 'Gratuit !', campaign, scheduledAt: '2025-06-30T21:30:00Z' });
    expect(rulesOf(inside)).toEqual(['campaign.bannedPhrases', 'campaign.requiredHashtags', 'campaign.link']);
    const after = postInput({ text: 'Gratuit !', campaign, scheduledAt: '2025-06-30T22:30:00Z' });
    expect(rulesOf(after)).toEqual([]);
    expect(rulesOf(postInput({ text: 'Gratuit !', campaign, scheduledAt: null }))).toEqual([]);
  });

  it('checks campaign rules alongside the charter, never instead of it', () => {
    const both = charter({ rules: { bannedPhrases: { phrases: ['promo'], severity: 'warn' } } });
    const input = postInput({
      text: 'promo gratuit',
      charter: both,
      campaign,
      scheduledAt: '2025-06-10T10:00:00Z',
    });
    expect(rulesOf(input)).toContain('bannedPhrases');
    expect(rulesOf(input)).toContain('campaign.bannedPhrases');
  });
});

describe('checkPost: schedule scope (send-time re-check)', () => {
  const rules = charter({
    rules: {
      bannedPhrases: { phrases: ['forbidden'], severity: 'block' },
      blackoutDates: { dates: [{ from: '2026-12-24', to: '2026-12-26' }], severity: 'block' },
    },
  });
  const base = postInput({
    text: `forbidden ${'a'.repeat(300)}`,
    targets: [{ channelId: 'c1', network: 'x' }],
    charter: rules,
  });

  it('checks only the schedule rules, leaving the text alone', () => {
    const all = rulesOf({ ...base, scheduledAt: '2026-12-25T09:00:00Z' });
    expect(all).toEqual(expect.arrayContaining(['bannedPhrases', 'network.maxLength', 'blackoutDates']));
    const scheduleOnly = rulesOf({ ...base, scheduledAt: '2026-12-25T09:00:00Z', scope: 'schedule' });
    expect(scheduleOnly).toEqual(['blackoutDates']);
  });

  it('finds nothing to check without a schedule', () => {
    expect(rulesOf({ ...base, scope: 'schedule' })).toEqual([]);
  });
});
