// My profile: the name others see on posts and comments, my language (interface and emails), and my
// password (the current one is asked for; every other session ends when it changes).
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { storeLanguageChoice } from '../../i18n/language';
import { SelectField, TextField } from '../../ui/field';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { useCurrentWorkspace } from '../session/current-workspace';
import '../settings/settings.css';
import { PasswordForm } from './password-form';
import { useUpdateProfile } from './profile-queries';

interface Values {
  name: string;
  locale: 'en' | 'fr';
}

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const { session } = useCurrentWorkspace();
  const update = useUpdateProfile();
  const errorText = useApiErrorText();
  const saved: Values = { name: session.user.name, locale: session.user.locale };
  const form = useForm<Values>({ values: saved });
  const { errors, isDirty, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const patch: Partial<Values> = {};
    if (values.name.trim() !== saved.name) patch.name = values.name.trim();
    if (values.locale !== saved.locale) patch.locale = values.locale;
    try {
      await update.mutateAsync(patch);
    } catch {
      return; // said below the form, in the reader's language
    }
    if (patch.locale) {
      storeLanguageChoice(session.user.id, patch.locale);
      void i18n.changeLanguage(patch.locale);
    }
  });

  return (
    <section className="settings-section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('profile.identity')}</legend>
          <TextField label={t('profile.email')} value={session.user.email} readOnly disabled />
          <TextField
            label={t('profile.name')}
            hint={t('profile.nameHint')}
            autoComplete="name"
            error={errors.name?.message}
            {...form.register('name', {
              validate: (v) => v.trim().length > 0 || t('validation.required'),
              maxLength: { value: 120, message: t('profile.nameTooLong', { count: 120 }) },
            })}
          />
          <SelectField
            label={t('profile.language')}
            hint={t('profile.languageHint')}
            {...form.register('locale')}
          >
            <option value="fr">Français</option>
            <option value="en">English</option>
          </SelectField>
        </fieldset>
        {update.isError && (
          <p className="form-error" role="alert">
            {errorText(update.error)}
          </p>
        )}
        {update.isSuccess && !isDirty && (
          <p role="status" className="form-success">
            {t('profile.saved')}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={!isDirty || isSubmitting}>
          {t('common.save')}
        </button>
      </form>
      <PasswordForm />
    </section>
  );
}
