import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './request-language';

describe('negotiateLocale', () => {
  it.each([
    ['fr-FR,fr;q=0.9', 'en', 'fr'],
    ['fr-CA', 'en', 'fr'],
    ['en-US,en;q=0.9,fr;q=0.8', 'fr', 'en'],
    ['de-DE,fr;q=0.5,en;q=0.4', 'en', 'fr'],
    ['en;q=0.1,fr;q=0.9', 'en', 'fr'],
    ['fr;q=0', 'en', 'en'],
    ['de', 'fr', 'fr'],
    ['*', 'fr', 'fr'],
    [undefined, 'fr', 'fr'],
    [undefined, 'en', 'en'],
    ['', 'en', 'en'],
  ] as const)('%s with a %s workspace answers in %s', (header, fallback, expected) => {
    expect(negotiateLocale(header, fallback)).toBe(expected);
  });
});
