import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from './fold';

// The character-by-character fold this file had before it worked on code units, as the oracle.
function reference(input: string) {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of input) {
    const end = index + char.length;
    const folded = char.normalize('NFD').toLowerCase().replace(/\p{M}/gu, '');
    if (folded === ' ' || /^\s$/u.test(char)) {
      if (text.endsWith(' ')) ends[ends.length - 1] = end;
      else {
        text += ' ';
        starts.push(index);
        ends.push(end);
      }
    } else if (folded === '') {
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else {
      for (let i = 0; i < folded.length; i++) {
        starts.push(index);
        ends.push(end);
      }
      text += folded;
    }
    index = end;
  }
  return { text, starts, ends };
}

describe('fold', () => {
  it('folds exactly as the character-by-character version did', () => {
    const piece = fc.constantFrom(
      'A',
      'b',
      ' ',
      '\t',
      '\n',
      'É',
      'e\u0301',
      '\u0301',
      'ß',
      'İ',
      '\u00A0',
      '日',
      '😀',
      '\uD800',
      '\uDC00',
      '!',
      'ﬁ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
        ),
        (s) => {
          expect(fold(s)).toEqual(reference(s));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('folds 20,000 characters into one string of the same length', () => {
    const long = 'Ab '.repeat(7_000);
    expect(fold(long).text).toBe('ab '.repeat(7_000));
  });
});
