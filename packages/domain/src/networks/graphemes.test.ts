import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGraphemes, graphemes, isEmojiGrapheme, utf8Length } from './graphemes';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const reference = (text: string) =>
  Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index }));

describe('graphemes', () => {
  it('splits as a person reads', () => {
    expect(graphemes('ae\u0301👨‍👩‍👧‍👦1️⃣\r\n🇫🇷').map((g) => g.segment)).toEqual([
      'a',
      'e\u0301',
      '👨‍👩‍👧‍👦',
      '1️⃣',
      '\r\n',
      '🇫🇷',
    ]);
    expect(countGraphemes('👨‍👩‍👧‍👦')).toBe(1);
  });

  it('agrees with Intl.Segmenter on any text (the ASCII shortcut is sound)', () => {
    const unit = fc.constantFrom(
      'a',
      '1',
      '#',
      '\r',
      '\n',
      ' ',
      'é',
      '\u0301',
      '\u200D',
      '\uFE0F',
      '\u20E3',
      '👨',
      '🇫',
      '🇷',
      '\uD800',
      '\uDC00',
      '가',
      '\u1161',
      'क',
      '\u093F',
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit })),
        (text) => {
          expect(graphemes(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('isEmojiGrapheme', () => {
  it('knows emoji from text symbols', () => {
    expect(['😀', '👍🏽', '🇫🇷', '#️⃣', '©️', '⌚'].every(isEmojiGrapheme)).toBe(true);
    expect(['a', '©', '#', '1', 'é', '→'].some(isEmojiGrapheme)).toBe(false);
  });
});

describe('utf8Length', () => {
  it('counts bytes, a lone surrogate as the 3 bytes of U+FFFD', () => {
    expect(utf8Length('aé😀')).toBe(1 + 2 + 4);
    expect(utf8Length('\uD800')).toBe(3);
  });
});
