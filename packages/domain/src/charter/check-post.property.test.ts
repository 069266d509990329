import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../networks/schemas';
import { checkPost } from './check-post';
import { charter } from './test-support';

// A charter exercising every text rule, with phrases that are themselves arbitrary text.
const rules = (phrases: string[]) =>
  charter({
    rules: {
      bannedPhrases: { phrases, severity: 'warn' },
      requiredHashtags: { allOf: ['brand'], oneOf: ['a', 'b'], severity: 'warn' },
      forbiddenHashtags: { tags: ['nsfw'], severity: 'block' },
      maxHashtags: { max: 1, severity: 'warn' },
      maxMentions: { max: 1, severity: 'warn' },
      maxEmoji: { max: 1, severity: 'warn' },
      maxLength: { max: 5, severity: 'warn' },
      link: {
        mode: 'optional',
        allowedDomains: ['example.com'],
        requiredUtm: ['utm_source'],
        severity: 'warn',
      },
      postingWindows: { byWeekday: { 1: [{ start: '09:00', end: '10:00' }] }, severity: 'warn' },
      blackoutDates: { dates: [{ from: '2000-01-01', to: '2100-01-01' }], severity: 'warn' },
      maxPostsPerDay: { max: 0, severity: 'warn' },
      minSpacingMinutes: { minutes: 10_000, severity: 'warn' },
    },
  });

// Text mixing every kind of unit, plus pieces that make entities, so ranges get exercised.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .string({
      unit: fc.constantFrom(
        'a',
        'é',
        'e\u0301',
        '#',
        '@',
        ' ',
        '.',
        '/',
        ':',
        '👨‍👩‍👧‍👦',
        '\uD800',
        '\uDC00',
        'https://x.fr?',
        'example.com',
      ),
      maxLength: 80,
    })
    .map((parts) => parts),
);
const phrase = fc
  .string({ unit: 'grapheme-composite', minLength: 1, maxLength: 8 })
  .filter((p) => p.trim() !== '');

describe('checkPost (property)', () => {
  it('never throws and keeps every range inside the text it checked', () => {
    fc.assert(
      fc.property(
        text,
        fc.option(text, { nil: undefined }),
        fc.constantFrom(...NETWORKS),
        fc.array(phrase, { maxLength: 5 }),
        fc.option(fc.string(), { nil: null }),
        (main, override, network, phrases, scheduledAt) => {
          const violations = checkPost({
            text: main,
            targets: [
              { channelId: 'a', network, text: override },
              { channelId: 'b', network: 'x' },
            ],
            scheduledAt: scheduledAt ?? '2025-03-03T08:30:00Z',
            timezone: 'Europe/Paris',
            charter: rules(phrases),
            otherPosts: [{ channelId: 'a', scheduledAt: '2025-03-03T08:00:00Z' }],
          });
          expect(violations.every((v) => v.rule !== 'checker.failed')).toBe(true);
          for (const v of violations) {
            if (!v.range) continue;
            const checked = v.channelId === 'a' ? (override ?? main) : main;
            expect(0 <= v.range.start && v.range.start <= v.range.end && v.range.end <= checked.length).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
