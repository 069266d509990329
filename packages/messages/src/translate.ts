// One i18next instance for code that speaks outside React (the API, the domain's English log
// messages, tests). Synchronous: the catalogues are bundled, nothing is fetched.
import { LOCALES, type Locale } from '@cadence/names';
import i18next from 'i18next';
import { MESSAGES_NAMESPACE, type MessageCode, type MessageParams } from './codes';
import { en } from './en';
import { registerFormatters } from './formatters';
import { fr } from './fr';

export const catalogues = { en, fr } as const;

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: { en: { [MESSAGES_NAMESPACE]: en }, fr: { [MESSAGES_NAMESPACE]: fr } },
  ns: [MESSAGES_NAMESPACE],
  defaultNS: MESSAGES_NAMESPACE,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // Answers are JSON and screens render text: nothing is HTML, so nothing is escaped here.
  interpolation: { escapeValue: false },
  returnNull: false,
});
registerFormatters(instance);

/** The sentence for `code` in `locale`, its parameters filled in. */
export function translate(locale: Locale, code: MessageCode, params: MessageParams = {}): string {
  return instance.t(code, { ...params, lng: locale }) as string;
}

/** Whether `key` (a code, plural suffix included or not) exists in the locale's catalogue itself. */
export function hasMessage(locale: Locale, key: string): boolean {
  const own = { lng: locale, fallbackLng: false } as const;
  return instance.exists(key, own) || instance.exists(`${key}_other`, own);
}

/**
 * The sentence of a message that arrived as data (a violation, a stored verdict): its code is a
 * plain string there. An unknown code gives the code itself, never an empty line.
 */
export function sentenceOf(locale: Locale, ref: { messageCode: string; params?: MessageParams }): string {
  return instance.t(ref.messageCode, { ...ref.params, lng: locale }) as string;
}
