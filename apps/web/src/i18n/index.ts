// From the catalogue's own modules: the package's index also builds the API's i18next instance.
import { MESSAGES_NAMESPACE } from '@cadence/messages/codes';
import { en as messagesEn } from '@cadence/messages/en';
import { registerFormatters } from '@cadence/messages/formatters';
import { fr as messagesFr } from '@cadence/messages/fr';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import { deviceLanguage } from './language';

// The screens' own words, and (namespace "messages") the catalogue the API words its errors and
// charter verdicts from, so both read alike (ui/message-text.ts).
const resources = {
  en: { translation: en, [MESSAGES_NAMESPACE]: messagesEn },
  fr: { translation: fr, [MESSAGES_NAMESPACE]: messagesFr },
} as const;

// Plurals use Intl.PluralRules, so French treats 0 and 1 as singular without extra rules.
void i18n.use(initReactI18next).init({
  resources,
  lng: deviceLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
registerFormatters(i18n);

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

export default i18n;
