import { describe, expect, it } from 'vitest';
import { checkPost } from '../check-post';
import { charter, inEnglish, inFrench, postInput } from '../test-support';

const rulesOf = (input: Parameters<typeof checkPost>[0]) => checkPost(input).map((v) => v.rule);

describe('postingWindows', () => {
  const weekdays = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]]));
  const rules = charter({ rules: { postingWindows: { byWeekday: weekdays, severity: 'warn' } } });
  const at = (scheduledAt: string) => rulesOf(postInput({ scheduledAt, charter: rules }));

  it('reads 09:00-18:00 as Paris wall-clock time in summer (UTC+2)', () => {
    expect(at('2025-07-02T07:00:00Z')).toEqual([]); // 09:00 CEST
    expect(at('2025-07-02T06:59:00Z')).toEqual(['postingWindows']); // 08:59
    expect(at('2025-07-02T15:59:59Z')).toEqual([]); // 17:59:59
    expect(at('2025-07-02T16:00:00Z')).toEqual(['postingWindows']); // 18:00, the end is excluded
  });

  it('and in winter (UTC+1)', () => {
    expect(at('2025-01-15T07:30:00Z')).toEqual(['postingWindows']); // 08:30 CET
    expect(at('2025-01-15T08:00:00Z')).toEqual([]); // 09:00
    expect(at('2025-01-15T16:30:00Z')).toEqual([]); // 17:30
    expect(at('2025-01-15T17:00:00Z')).toEqual(['postingWindows']); // 18:00
  });

  it('allows no posting on a day without windows', () => {
    const [v] = checkPost(postInput({ scheduledAt: '2025-01-19T10:00:00Z', charter: rules }));
    expect([inEnglish(v), inFrench(v)]).toEqual([
      'The charter allows no posting on Sundays.',
      'La charte n’autorise aucune publication le dimanche.',
    ]);
    expect(v?.field).toBe('schedule');
  });

  it('skips schedule rules for a post not yet scheduled', () => {
    expect(rulesOf(postInput({ scheduledAt: null, charter: rules }))).toEqual([]);
  });

  it('accepts a window ending at midnight', () => {
    const late = charter({
      rules: { postingWindows: { byWeekday: { 3: [{ start: '20:00', end: '24:00' }] }, severity: 'warn' } },
    });
    expect(rulesOf(postInput({ scheduledAt: '2025-01-15T22:59:00Z', charter: late }))).toEqual([]);
  });
});

describe('blackoutDates', () => {
  const rules = charter({
    rules: {
      blackoutDates: { dates: [{ from: '2025-12-24', to: '2025-12-25', reason: 'Noël' }], severity: 'block' },
    },
  });

  it('reads dates in the workspace zone', () => {
    // 23:30 UTC on 23 December is already the 24th in Paris, but not in New York.
    expect(rulesOf(postInput({ scheduledAt: '2025-12-23T23:30:00Z', charter: rules }))).toEqual([
      'blackoutDates',
    ]);
    const ny = postInput({
      scheduledAt: '2025-12-23T23:30:00Z',
      charter: rules,
      timezone: 'America/New_York',
    });
    expect(rulesOf(ny)).toEqual([]);
    expect(rulesOf(postInput({ scheduledAt: '2025-12-25T22:59:00Z', charter: rules }))).toEqual([
      'blackoutDates',
    ]);
    expect(rulesOf(postInput({ scheduledAt: '2025-12-25T23:00:00Z', charter: rules }))).toEqual([]);
  });

  it('says why', () => {
    const [v] = checkPost(postInput({ scheduledAt: '2025-12-24T10:00:00Z', charter: rules }));
    expect(inEnglish(v)).toBe('24 December 2025 falls in a blackout period (Noël).');
    expect(v?.severity).toBe('block');
  });
});

describe('maxPostsPerDay and maxPostsPerWeek', () => {
  const rules = charter({
    rules: { maxPostsPerDay: { max: 2, severity: 'warn' }, maxPostsPerWeek: { max: 3, severity: 'block' } },
  });
  const other = (scheduledAt: string, channelId = 'c1', postId?: string) => ({
    channelId,
    scheduledAt,
    postId,
  });

  it('counts the channel’s posts on the same local day', () => {
    const base = { scheduledAt: '2025-03-05T10:00:00Z', charter: rules };
    expect(rulesOf(postInput({ ...base, otherPosts: [other('2025-03-05T08:00:00Z')] }))).toEqual([]);
    // 23:30 UTC on the 4th is 00:30 on the 5th in Paris: same local day.
    const full = [other('2025-03-05T08:00:00Z'), other('2025-03-04T23:30:00Z')];
    expect(rulesOf(postInput({ ...base, otherPosts: full }))).toEqual(['maxPostsPerDay']);
  });

  it('ignores other channels and the post itself', () => {
    const base = { scheduledAt: '2025-03-05T10:00:00Z', charter: rules, postId: 'p1' };
    const others = [
      other('2025-03-05T08:00:00Z', 'c2'),
      other('2025-03-05T09:00:00Z', 'c1', 'p1'),
      other('bad'),
    ];
    expect(rulesOf(postInput({ ...base, otherPosts: [...others, other('2025-03-05T08:00:00Z')] }))).toEqual(
      [],
    );
  });

  it('counts the ISO week, Monday to Sunday, in the workspace zone', () => {
    // Wednesday 5 March 2025; the week runs from Monday 3 to Sunday 9 March, Paris time.
    const base = { scheduledAt: '2025-03-05T10:00:00Z', charter: rules };
    const inWeek = [other('2025-03-02T23:30:00Z'), other('2025-03-09T12:00:00Z')];
    expect(rulesOf(postInput({ ...base, otherPosts: inWeek }))).toEqual([]);
    expect(rulesOf(postInput({ ...base, otherPosts: [...inWeek, other('2025-03-08T12:00:00Z')] }))).toEqual([
      'maxPostsPerWeek',
    ]);
    // Sunday 2 March 22:30 UTC is 23:30 Sunday in Paris: the week before.
    expect(rulesOf(postInput({ ...base, otherPosts: [...inWeek, other('2025-03-02T22:30:00Z')] }))).toEqual(
      [],
    );
  });
});

describe('minSpacingMinutes', () => {
  const rules = charter({ rules: { minSpacingMinutes: { minutes: 60, severity: 'warn' } } });
  const input = (times: string[]) =>
    postInput({
      scheduledAt: '2025-03-05T10:00:00Z',
      charter: rules,
      otherPosts: times.map((scheduledAt) => ({ channelId: 'c1', scheduledAt })),
    });

  it('passes at exactly the spacing and fails under it', () => {
    expect(rulesOf(input(['2025-03-05T09:00:00Z', '2025-03-05T11:00:00Z']))).toEqual([]);
    const [v] = checkPost(input(['2025-03-05T11:00:00Z', '2025-03-05T10:20:00Z']));
    expect(inEnglish(v)).toBe(
      'Another post on this channel is 20 minutes away; the charter asks for at least 60.',
    );
  });

  it('copes with a very long list of other posts', () => {
    const many = Array.from({ length: 200_000 }, () => '2020-01-01T00:00:00Z');
    expect(rulesOf(input(many))).toEqual([]);
  });
});

describe('invalid schedule input', () => {
  it('reports an unknown time zone or date instead of throwing', () => {
    expect(rulesOf(postInput({ scheduledAt: '2025-03-05T10:00:00Z', timezone: 'Mars/Olympus' }))).toEqual([
      'schedule.timezone',
    ]);
    expect(rulesOf(postInput({ scheduledAt: 'tomorrow' }))).toEqual(['schedule.invalidDate']);
  });
});
