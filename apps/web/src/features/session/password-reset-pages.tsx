// "Forgot password" (/forgot-password) and the page its emailed link opens
// (/reset-password#rst_…: the secret after '#' never reaches a server log). The first page says the
// same thing whether or not an account uses the address.
import { PASSWORD_MIN_LENGTH } from '@cadence/domain/accounts/schemas';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../../api/errors';
import { TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { refusalText } from '../../ui/refusal-text';
import { LanguageSwitch } from '../layout/language-switch';
import { useAskPasswordReset, useCompletePasswordReset } from './password-reset-queries';

function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <header className="auth-header">
          <h1>{title}</h1>
          <LanguageSwitch />
        </header>
        {children}
      </div>
    </main>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const ask = useAskPasswordReset();
  const form = useForm<{ email: string }>({ defaultValues: { email: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async ({ email }) => {
    try {
      await ask.mutateAsync(email);
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });
  return (
    <AuthCard title={t('passwordReset.askTitle')}>
      {ask.isSuccess ? (
        <p role="status" data-testid="reset-sent">
          {t('passwordReset.sent', { email: ask.variables })}
        </p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <p className="muted">{t('passwordReset.askIntro')}</p>
          <TextField
            label={t('passwordReset.email')}
            type="email"
            autoComplete="username"
            error={errors.email?.message}
            {...form.register('email', { required: t('validation.required') })}
          />
          {ask.isError && Object.keys(errors).length === 0 && (
            <p className="form-error" role="alert">
              {isApiError(ask.error, 429) ? t('passwordReset.rateLimited') : refusalText(ask.error, t)}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
            {t('passwordReset.send')}
          </button>
        </form>
      )}
      <p className="muted">
        <Link to="/login">{t('passwordReset.backToSignIn')}</Link>
      </p>
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLocation().hash.replace(/^#/, '');
  const complete = useCompletePasswordReset();
  const form = useForm<{ password: string; confirm: string }>({
    defaultValues: { password: '', confirm: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async ({ password }) => {
    try {
      await complete.mutateAsync({ token, password });
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });
  if (complete.isSuccess) {
    return (
      <AuthCard title={t('passwordReset.title')}>
        <p role="status" data-testid="reset-done">
          {t('passwordReset.done')}
        </p>
        <Link className="btn btn-primary" to="/login">
          {t('passwordReset.signIn')}
        </Link>
      </AuthCard>
    );
  }
  // A malformed link and a spent one read the same: the server's "no longer valid".
  const dead = token === '' || (complete.isError && Object.keys(errors).length === 0);
  return (
    <AuthCard title={t('passwordReset.title')}>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('passwordReset.password')}
          type="password"
          autoComplete="new-password"
          hint={t('invitation.passwordHint')}
          error={errors.password?.message}
          {...form.register('password', {
            required: t('validation.required'),
            minLength: { value: PASSWORD_MIN_LENGTH, message: t('invitation.passwordHint') },
          })}
        />
        <TextField
          label={t('passwordReset.confirm')}
          type="password"
          autoComplete="new-password"
          error={errors.confirm?.message}
          {...form.register('confirm', {
            required: t('validation.required'),
            validate: (value, all) => value === all.password || t('passwordReset.mismatch'),
          })}
        />
        {dead && (
          <p className="form-error" role="alert">
            {token === '' || isApiError(complete.error, 404) || isApiError(complete.error, 400)
              ? t('refusals.password_reset_invalid')
              : refusalText(complete.error, t)}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.formState.isSubmitting || token === ''}
        >
          {t('passwordReset.submit')}
        </button>
      </form>
      <p className="muted">
        <Link to="/forgot-password">{t('passwordReset.askAgain')}</Link>
      </p>
    </AuthCard>
  );
}
