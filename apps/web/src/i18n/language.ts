// The interface language is the person's explicit choice, remembered in this browser; without one
// it follows the workspace's locale. It is never guessed from navigator.language (UI guide §8).
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

/** Before anyone signs in (setup, login): the last language chosen in this browser, else English. */
export const deviceLanguage = (): Language => read(DEVICE_KEY) ?? 'en';

/** For a signed-in person: their own choice, else the workspace's locale. */
export const languageFor = (userId: string, workspaceLocale: Language | undefined): Language =>
  read(userKey(userId)) ?? workspaceLocale ?? deviceLanguage();

export function storeLanguageChoice(userId: string | null, language: Language) {
  write(DEVICE_KEY, language);
  if (userId) write(userKey(userId), language);
}
