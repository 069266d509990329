// Changing my password. Checked here first in the reader's language (length, the two copies agree);
// the server says whether the current one is right and whether too many attempts were made.
import { PASSWORD_MIN_LENGTH } from '@cadence/domain/accounts/schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { TextField } from '../../ui/field';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { useChangePassword } from './profile-queries';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const empty: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const errorText = useApiErrorText();
  const form = useForm<Values>({ defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const [changed, setChanged] = useState(false);

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setChanged(false);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.currentPassword) {
        form.setError('currentPassword', { type: 'server', message: t('profile.currentPasswordWrong') });
      }
      return;
    }
    form.reset(empty);
    setChanged(true);
  });

  const failure = change.error && !(isApiError(change.error) && change.error.fieldErrors.currentPassword);
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('profile.passwordTitle')}</legend>
        <p className="muted">{t('profile.passwordHint')}</p>
        <TextField
          type="password"
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword', { required: t('validation.required') })}
        />
        <TextField
          type="password"
          label={t('profile.newPassword')}
          autoComplete="new-password"
          error={errors.newPassword?.message}
          {...form.register('newPassword', {
            required: t('validation.required'),
            minLength: {
              value: PASSWORD_MIN_LENGTH,
              message: t('validation.passwordTooShort', { count: PASSWORD_MIN_LENGTH }),
            },
          })}
        />
        <TextField
          type="password"
          label={t('profile.confirmPassword')}
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...form.register('confirmPassword', {
            validate: (v, all) => v === all.newPassword || t('profile.passwordsDiffer'),
          })}
        />
      </fieldset>
      {failure && (
        <p className="form-error" role="alert">
          {errorText(change.error)}
        </p>
      )}
      {changed && (
        <p role="status" className="form-success">
          {t('profile.passwordChanged')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {t('profile.changePassword')}
      </button>
    </form>
  );
}
