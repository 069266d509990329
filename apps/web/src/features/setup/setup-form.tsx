// First run: the first owner and their workspace. Problems the API finds are shown beside the field
// they concern, using the field paths of its 400 answer.
import { PASSWORD_MIN_LENGTH } from '@cadence/domain/accounts/schemas';
import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { isLanguage } from '../../i18n/language';
import { SelectField, TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { InlineError } from '../../ui/states';
import { browserTimeZone, timeZoneOptions } from '../../ui/timezones';
import { type SetupInput, useSetup } from '../session/session-queries';

export function SetupForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const setup = useSetup();
  const zones = useMemo(timeZoneOptions, []);
  const form = useForm<SetupInput>({
    defaultValues: {
      name: '',
      email: '',
      password: '',
      workspace: {
        name: '',
        timezone: browserTimeZone(),
        locale: isLanguage(i18n.language) ? i18n.language : 'en',
      },
    },
  });
  const { errors } = form.formState;
  // The workspace's language follows the page's language switch until the person picks one.
  useEffect(() => {
    if (isLanguage(i18n.language) && !form.getFieldState('workspace.locale').isDirty)
      form.setValue('workspace.locale', i18n.language);
  }, [i18n.language, form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      await setup.mutateAsync(values);
      onDone();
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });
  const required = { required: t('validation.required') };
  const unplacedError =
    setup.error && !(isApiError(setup.error) && Object.keys(setup.error.fieldErrors).length);

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('setup.you')}</legend>
        <TextField
          label={t('setup.name')}
          autoComplete="name"
          error={errors.name?.message}
          {...form.register('name', required)}
        />
        <TextField
          label={t('setup.email')}
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register('email', required)}
        />
        <TextField
          label={t('setup.password')}
          type="password"
          autoComplete="new-password"
          hint={t('setup.passwordHint')}
          error={errors.password?.message}
          {...form.register('password', {
            ...required,
            minLength: {
              value: PASSWORD_MIN_LENGTH,
              message: t('validation.passwordTooShort', { count: PASSWORD_MIN_LENGTH }),
            },
          })}
        />
      </fieldset>
      <fieldset>
        <legend>{t('setup.workspace')}</legend>
        <TextField
          label={t('setup.workspaceName')}
          error={errors.workspace?.name?.message}
          {...form.register('workspace.name', required)}
        />
        <SelectField
          label={t('setup.timezone')}
          hint={t('setup.timezoneHint')}
          error={errors.workspace?.timezone?.message}
          {...form.register('workspace.timezone', required)}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('setup.locale')}
          error={errors.workspace?.locale?.message}
          {...form.register('workspace.locale')}
        >
          <option value="en">{t('language.en')}</option>
          <option value="fr">{t('language.fr')}</option>
        </SelectField>
      </fieldset>
      {unplacedError && <InlineError error={setup.error} />}
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t('setup.submitting') : t('setup.submit')}
      </button>
    </form>
  );
}
