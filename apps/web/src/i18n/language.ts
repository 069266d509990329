// The interface language is the person's explicit choice, remembered in this browser; without one
// it follows their profile's language once signed in (set at setup or on joining, changed in "My
// profile" or with the header's switch, and the language of their emails), and the browser's
// languages before (setup and sign-in open in French in a French browser). The clock format is never guessed from the browser.
export { LOCALES as LANGUAGES, type Locale as Language } from '@cadence/names';
import type { Locale as Language } from '@cadence/names';

const DEVICE_KEY = 'cadence.language';
const userKey = (userId: string) => `cadence.language.${userId}`;

export const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'fr';

function read(key: string): Language | null {
  try {
    const v = window.localStorage.getItem(key);
    return isLanguage(v) ? v : null;
  } catch {
    return null; // storage disabled: fall back to the defaults
  }
}

function write(key: string, value: Language) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

/** The first of the browser's preferred languages that Cadence speaks ("fr-CA" counts as fr). */
export function browserLanguage(preferred: readonly string[] = navigatorLanguages()): Language | null {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** Before anyone signs in (setup, login): the last language chosen in this browser, else the
 * browser's own, else English. */
export const deviceLanguage = (): Language => read(DEVICE_KEY) ?? browserLanguage() ?? 'en';

/** For a signed-in person: their choice in this browser, else their profile's language. */
export const languageFor = (userId: string, profileLocale: Language | undefined): Language =>
  read(userKey(userId)) ?? profileLocale ?? deviceLanguage();

export function storeLanguageChoice(userId: string | null, language: Language) {
  write(DEVICE_KEY, language);
  if (userId) write(userKey(userId), language);
}
