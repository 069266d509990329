import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, storeLanguageChoice } from '../../i18n/language';
import { useSession } from '../session/session-queries';

/** English / Français: the choice is remembered for this person (and this browser before sign-in). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const choose = (language: Language) => {
    storeLanguageChoice(session.data?.user.id ?? null, language);
    void i18n.changeLanguage(language);
  };
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="btn btn-small"
          aria-pressed={i18n.language === language}
          onClick={() => choose(language)}
        >
          {t(`language.${language}`, { lng: language })}
        </button>
      ))}
    </fieldset>
  );
}
