import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const english = flatten(en);
const french = flatten(fr);

describe('translations', () => {
  it('has every English key in French and nothing extra', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keeps the same {{placeholders}} in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const [key, value] of english)
      expect(placeholders(french.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  it('follows French typography: a non-breaking space before : ? ! ; and « » quotes', () => {
    for (const [key, value] of french) {
      // A colon inside a URL-like or time value would be legitimate; none of our strings has one.
      expect(value, key).not.toMatch(/(^|[^\u00a0\u202f]):/);
      expect(value, key).not.toMatch(/[^\u00a0\u202f][?!;]/);
      expect(value, key).not.toMatch(/["“”]/);
    }
  });
});
