import { describe, expect, it } from 'vitest';
import { findBannedPhrases } from './banned-phrases';
import { fold } from './fold';

function find(text: string, phrases: string[]) {
  return findBannedPhrases(fold(text), phrases, 50).map((m) => text.slice(m.range.start, m.range.end));
}

describe('findBannedPhrases', () => {
  it('matches across case and accents, including a combining accent', () => {
    expect(find('Un CAFÉ, un café, un cafe\u0301.', ['cafe'])).toEqual(['CAFÉ', 'café', 'cafe\u0301']);
    expect(find('un cafe', ['Café'])).toEqual(['cafe']);
  });

  it('matches whole words only', () => {
    expect(find('the cafeteria and decafe', ['cafe'])).toEqual([]);
    expect(find('cafe-bar', ['cafe'])).toEqual(['cafe']);
  });

  it('matches phrases across any run of white space', () => {
    expect(find('Buy\n  now!', ['buy now'])).toEqual(['Buy\n  now']);
  });

  it('matches a phrase ending in punctuation wherever it stands', () => {
    expect(find('I love c++!', ['c++'])).toEqual(['c++']);
  });

  it('matches inside text written without spaces (CJK, Thai)', () => {
    expect(find('今日は日本語を勉強', ['日本'])).toEqual(['日本']);
  });

  it('treats the phrase as text, not as a pattern', () => {
    expect(find('a.b (x) a*b', ['(x)', 'a*b', '.*'])).toEqual(['(x)', 'a*b']);
  });

  it('stops at the limit', () => {
    expect(findBannedPhrases(fold('spam '.repeat(100)), ['spam'], 10)).toHaveLength(10);
  });

  it('ignores a phrase that folds to nothing', () => {
    expect(find('anything', ['\u0301'])).toEqual([]);
  });
});

describe('findBannedPhrases: word forms ("gratuit*")', () => {
  it('catches the words a marked phrase starts, as whole words', () => {
    expect(find('Gratuit, gratuite et GRATUITEMENT !', ['gratuit*'])).toEqual([
      'Gratuit',
      'gratuite',
      'GRATUITEMENT',
    ]);
  });

  it('still needs a word start: no match inside a longer word', () => {
    expect(find('ingratuitement', ['gratuit*'])).toEqual([]);
  });

  it('leaves an unmarked phrase whole-word only', () => {
    expect(find('gratuite gratuit', ['gratuit'])).toEqual(['gratuit']);
  });

  it('marks only the last word of a phrase of several words', () => {
    expect(find('offre gratuitement, offres gratuites', ['offre gratuit*'])).toEqual(['offre gratuitement']);
  });

  it('reads a star after anything but a letter as a literal star', () => {
    expect(find('note 5 * et 5*', ['5 *'])).toEqual(['5 *']);
    expect(find('a+* a+b', ['a+*'])).toEqual(['a+*']);
  });

  it('covers accents and a letter outside the basic plane to the end of the word', () => {
    expect(find('Éteinté𝐀𝐀 x', ['ete*'])).toEqual(['Éteinté𝐀𝐀']);
  });

  it('keeps a punctuation-ending phrase to its own length when a letter follows', () => {
    expect(find('c+x', ['c+'])).toEqual(['c+']);
  });
});
