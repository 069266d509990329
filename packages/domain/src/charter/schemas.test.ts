import { describe, expect, it } from 'vitest';
import { campaignAdditionsSchema, charterRulesSchema, ruleSetSchema } from './schemas';

describe('ruleSetSchema', () => {
  const full = {
    tone: 'Friendly, never smug.',
    pillars: [{ id: 'p1', name: 'Product', colour: '#1a2b3c', targetShare: 0.5 }],
    bannedPhrases: { phrases: ['cheap'], severity: 'block' },
    requiredHashtags: { allOf: ['#brand'], oneOf: [], severity: 'warn' },
    forbiddenHashtags: { tags: ['nsfw'], severity: 'block' },
    maxHashtags: { max: 3, severity: 'warn' },
    maxMentions: { max: 5, severity: 'warn' },
    maxEmoji: { max: 4, severity: 'warn' },
    maxLength: { max: 250, severity: 'warn' },
    link: {
      mode: 'optional',
      allowedDomains: ['example.com'],
      requiredUtm: ['utm_source'],
      severity: 'warn',
    },
    postingWindows: { byWeekday: { 1: [{ start: '09:00', end: '18:00' }] }, severity: 'warn' },
    blackoutDates: {
      dates: [{ from: '2025-12-24', to: '2025-12-26', reason: 'Christmas' }],
      severity: 'block',
    },
    maxPostsPerDay: { max: 3, severity: 'warn' },
    maxPostsPerWeek: { max: 10, severity: 'warn' },
    minSpacingMinutes: { minutes: 60, severity: 'warn' },
  };

  it('accepts a complete rule set', () => {
    expect(ruleSetSchema.parse(full)).toMatchObject(full);
  });

  it('defaults the hashtag lists', () => {
    expect(ruleSetSchema.parse({ requiredHashtags: { severity: 'warn' } }).requiredHashtags).toEqual({
      allOf: [],
      oneOf: [],
      severity: 'warn',
    });
  });

  it.each([
    ['an unknown rule', { ...full, maxPhotos: { max: 1, severity: 'warn' } }],
    ['an unknown key in a rule', { bannedPhrases: { phrases: [], severity: 'warn', regex: true } }],
    ['too many phrases', { bannedPhrases: { phrases: Array(501).fill('x'), severity: 'warn' } }],
    ['a phrase too long', { bannedPhrases: { phrases: ['x'.repeat(201)], severity: 'warn' } }],
    ['a bad severity', { maxHashtags: { max: 1, severity: 'error' } }],
    ['a bad colour', { pillars: [{ id: 'a', name: 'A', colour: 'red', targetShare: 0.1 }] }],
    [
      'shares over 1',
      {
        pillars: [
          { id: 'a', name: 'A', colour: '#000000', targetShare: 0.6 },
          { id: 'b', name: 'B', colour: '#ffffff', targetShare: 0.6 },
        ],
      },
    ],
    [
      'a window ending before it starts',
      { postingWindows: { byWeekday: { 1: [{ start: '18:00', end: '09:00' }] }, severity: 'warn' } },
    ],
    ['weekday 8', { postingWindows: { byWeekday: { 8: [] }, severity: 'warn' } }],
    [
      'an impossible date',
      { blackoutDates: { dates: [{ from: '2025-02-30', to: '2025-03-01' }], severity: 'warn' } },
    ],
    [
      'a reversed blackout',
      { blackoutDates: { dates: [{ from: '2025-03-02', to: '2025-03-01' }], severity: 'warn' } },
    ],
    ['a hashtag with spaces', { forbiddenHashtags: { tags: ['two words'], severity: 'warn' } }],
    ['a link mode', { link: { mode: 'sometimes', severity: 'warn' } }],
  ])('rejects %s', (_, value) => {
    expect(ruleSetSchema.safeParse(value).success).toBe(false);
  });
});

describe('charterRulesSchema', () => {
  it('accepts per-network overrides, with null turning a rule off', () => {
    const parsed = charterRulesSchema.parse({
      rules: { maxHashtags: { max: 2, severity: 'warn' } },
      overrides: {
        instagram: { maxHashtags: { max: 15, severity: 'warn' } },
        linkedin: { maxHashtags: null },
      },
    });
    expect(parsed.overrides.linkedin).toEqual({ maxHashtags: null });
  });

  it('rejects an unknown network and pillars in an override', () => {
    expect(charterRulesSchema.safeParse({ overrides: { myspace: {} } }).success).toBe(false);
    expect(charterRulesSchema.safeParse({ overrides: { x: { pillars: [] } } }).success).toBe(false);
  });
});

describe('campaignAdditionsSchema', () => {
  it('accepts only what a campaign may add', () => {
    expect(campaignAdditionsSchema.safeParse({ link: { mode: 'required', severity: 'block' } }).success).toBe(
      true,
    );
    expect(campaignAdditionsSchema.safeParse({ maxHashtags: { max: 1, severity: 'warn' } }).success).toBe(
      false,
    );
  });
});
