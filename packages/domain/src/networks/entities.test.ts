import { describe, expect, it } from 'vitest';
import { extractEmoji, extractEntities } from './analyse-text';
import { extractHashtags, extractMentions, extractUrls } from './entities';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('extractUrls', () => {
  it('finds links with and without a scheme, leaving out trailing punctuation', () => {
    const text = 'Voir https://ex.fr/a?utm_source=x. Et example.com/page, merci';
    const urls = extractUrls(text);
    expect(urls.map((u) => slice(text, u))).toEqual(['https://ex.fr/a?utm_source=x', 'example.com/page']);
    expect(urls.map((u) => u.hasScheme)).toEqual([true, false]);
    expect(urls[1]?.url).toBe('http://example.com/page');
  });

  it('does not take an e-mail address for a link', () => {
    expect(extractUrls('write to bob@example.com')).toEqual([]);
  });
});

describe('extractHashtags', () => {
  it('finds hashtags in any script, with their ranges', () => {
    const text = 'Du #café et du #日本 #été_2025';
    const tags = extractHashtags(text);
    expect(tags.map((t) => t.tag)).toEqual(['café', '日本', 'été_2025']);
    expect(tags.map((t) => slice(text, t))).toEqual(['#café', '#日本', '#été_2025']);
  });

  it('skips numbers, words like C#, and anchors inside links', () => {
    expect(extractHashtags('#2024 C# https://ex.com/page#section')).toEqual([]);
  });
});

describe('extractMentions', () => {
  it('finds plain, Bluesky and fediverse handles', () => {
    const text = 'Merci @bob, @alice.bsky.social et @carol@mastodon.social.';
    const mentions = extractMentions(text);
    expect(mentions.map((m) => [m.username, m.domain])).toEqual([
      ['bob', undefined],
      ['alice.bsky.social', undefined],
      ['carol', 'mastodon.social'],
    ]);
    expect(mentions.map((m) => slice(text, m))).toEqual([
      '@bob',
      '@alice.bsky.social',
      '@carol@mastodon.social',
    ]);
  });

  it('does not read an e-mail address or a profile link as a mention', () => {
    expect(extractMentions('bob@example.com https://mastodon.social/@bob')).toEqual([]);
  });
});

describe('extractEmoji', () => {
  it('treats each emoji grapheme as one, whatever its code points', () => {
    const text = 'a👨‍👩‍👧‍👦b🇫🇷c1️⃣d👍🏽';
    const emoji = extractEmoji(text);
    expect(emoji.map((e) => e.text)).toEqual(['👨‍👩‍👧‍👦', '🇫🇷', '1️⃣', '👍🏽']);
    expect(emoji.every((e) => slice(text, e) === e.text)).toBe(true);
  });

  it('does not count plain symbols or digits', () => {
    expect(extractEmoji('© 1 # *')).toEqual([]);
  });
});

describe('extractEntities', () => {
  it('survives lone surrogates and control characters', () => {
    expect(() => extractEntities('\uD800#tag\u0000@x\uDFFF https://a.fr/\uD800')).not.toThrow();
  });
});
