import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserLanguage, deviceLanguage, storeLanguageChoice } from './language';

describe('the language before sign-in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("follows the browser's first language Cadence speaks", () => {
    expect(browserLanguage(['fr-FR', 'en-US'])).toBe('fr');
    expect(browserLanguage(['de-DE', 'fr-CA'])).toBe('fr');
    expect(browserLanguage(['en-GB', 'fr'])).toBe('en');
    expect(browserLanguage(['de-DE'])).toBeNull();
  });

  it('opens in French in a French browser, in English in a browser Cadence cannot speak', () => {
    vi.stubGlobal('navigator', { languages: ['fr-FR', 'fr'], language: 'fr-FR' });
    expect(deviceLanguage()).toBe('fr');
    vi.stubGlobal('navigator', { languages: ['de-DE'], language: 'de-DE' });
    expect(deviceLanguage()).toBe('en');
  });

  it('keeps a choice made in this browser over the browser language', () => {
    vi.stubGlobal('navigator', { languages: ['fr-FR'], language: 'fr-FR' });
    storeLanguageChoice(null, 'en');
    expect(deviceLanguage()).toBe('en');
  });
});
