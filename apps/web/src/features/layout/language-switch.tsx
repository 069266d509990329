import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, storeLanguageChoice } from '../../i18n/language';
import { saveLanguage } from '../profile/profile-queries';

/**
 * English / Français. The choice is remembered for the signed-in person (userId), and for this
 * browser so the sign-in page speaks it too; signed in, it becomes their profile's language, which
 * their emails follow.
 */
export function LanguageSwitch({ userId = null }: { userId?: string | null }) {
  const { t, i18n } = useTranslation();
  const choose = (language: Language) => {
    storeLanguageChoice(userId, language);
    void i18n.changeLanguage(language);
    // Best effort: the interface has already switched; the emails catch up on the next choice.
    if (userId) void saveLanguage(language).catch(() => {});
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
