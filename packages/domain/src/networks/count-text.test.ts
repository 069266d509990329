import { describe, expect, it } from 'vitest';
import { countText } from './count-text';

const FAMILY = '👨‍👩‍👧‍👦';

describe('countText on X', () => {
  it('counts Latin text one per character, up to the limit of 280', () => {
    expect(countText('x', 'a'.repeat(280))).toBe(280);
    expect(countText('x', 'a'.repeat(281))).toBe(281);
  });

  it('counts every URL as 23, however long, including a bare domain', () => {
    const url = 'https://example.com/a/path/much/longer/than/twenty-three/characters';
    expect(countText('x', `${'a'.repeat(256)} ${url}`)).toBe(280);
    expect(countText('x', `${'a'.repeat(257)} ${url}`)).toBe(281);
    expect(countText('x', 'see example.com/foo')).toBe(4 + 23);
  });

  it('weighs CJK characters 2', () => {
    expect(countText('x', '日'.repeat(140))).toBe(280);
    expect(countText('x', `${'日'.repeat(140)}a`)).toBe(281);
  });

  it('weighs an emoji sequence 2 as a whole, including emoji newer than twitter-text', () => {
    expect(countText('x', FAMILY)).toBe(2);
    expect(countText('x', '🧑‍🧑‍🧒')).toBe(2);
    expect(countText('x', '🇫🇷')).toBe(2);
  });

  it('normalises first, so e + combining acute weighs as é', () => {
    expect(countText('x', 'cafe\u0301')).toBe(4);
  });

  // Expected values computed with twitter-text 3.1.0's parseTweet, X's reference implementation.
  it.each([
    [
      'Bonjour à tous ! Découvrez notre nouvelle collection 🌸 https://boutique.example.fr/printemps?utm_source=x #mode',
      85,
    ],
    ['日本語のテキストと English mixed 🇯🇵 #旅行', 41],
    ['Ça va ? Très bien, merci. Voir www.example.com et example.org/page.', 82],
    ['Привет мир! Ελληνικά κείμενα. עברית 😀😀😀', 42],
    ['Emoji keycap 1️⃣ and skin tone 👍🏽 and family 👨‍👩‍👧‍👦 and flag 🏳️‍🌈', 58],
    ['Thai ภาษาไทย and Hindi हिन्दी and Korean 한국어 — “quotes” … ‘single’', 70],
  ])('agrees with twitter-text on %s', (text, expected) => {
    expect(countText('x', text)).toBe(expected);
  });
});

describe('countText on Bluesky', () => {
  it('counts graphemes: a family emoji is one', () => {
    expect(countText('bluesky', FAMILY)).toBe(1);
    expect(countText('bluesky', FAMILY.repeat(300))).toBe(300);
  });

  it('counts a decomposed accent with its letter', () => {
    expect(countText('bluesky', 'cafe\u0301')).toBe(4);
  });

  it('counts a URL at its full length', () => {
    expect(countText('bluesky', 'https://example.com')).toBe(19);
  });
});

describe('countText on Mastodon', () => {
  it('counts a URL with a scheme as 23 but a bare domain as written', () => {
    expect(countText('mastodon', 'https://example.com/a/very/long/path/indeed')).toBe(23);
    expect(countText('mastodon', 'example.com')).toBe(11);
  });

  it('counts a remote mention as its local part only', () => {
    expect(countText('mastodon', '@bob@mastodon.social')).toBe(4);
    expect(countText('mastodon', '@bob')).toBe(4);
  });

  it('counts graphemes elsewhere', () => {
    expect(countText('mastodon', `${FAMILY}é`)).toBe(2);
  });
});

describe('countText on Threads', () => {
  it('counts an emoji as its UTF-8 bytes and other graphemes as one', () => {
    expect(countText('threads', '😀')).toBe(4);
    expect(countText('threads', FAMILY)).toBe(25);
    expect(countText('threads', 'café')).toBe(4);
  });
});

describe('countText on networks counting graphemes', () => {
  it.each(['linkedin', 'facebook', 'instagram', 'webhook', 'sandbox'] as const)('%s', (network) => {
    expect(countText(network, `a${FAMILY}e\u0301日`)).toBe(4);
  });

  it('survives lone surrogates', () => {
    expect(countText('x', 'a\uD800b')).toBe(4);
    expect(countText('bluesky', '\uDC00')).toBe(1);
  });
});
