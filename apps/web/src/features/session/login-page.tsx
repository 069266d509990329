import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { TextField } from '../../ui/field';
import { ErrorState, InlineError, Loading } from '../../ui/states';
import { LanguageSwitch } from '../layout/language-switch';
import { type LoginInput, useLogin, useSession, useSetupStatus } from './session-queries';

/** Only same-app paths: a crafted ?next=https://elsewhere must not send people off-site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/calendar';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = useSetupStatus();
  const session = useSession();
  const login = useLogin();
  const form = useForm<LoginInput>({ defaultValues: { email: '', password: '' } });
  const next = safeNext(params.get('next'));

  if (status.isPending || session.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data.needed) return <Navigate to="/setup" replace />;
  if (session.data) return <Navigate to={next} replace />;

  const submit = form.handleSubmit(async (values) => {
    try {
      await login.mutateAsync(values);
      void navigate(next, { replace: true });
    } catch {
      // shown below from login.error
    }
  });
  const { errors } = form.formState;
  const required = { required: t('validation.required') };

  return (
    <main className="auth-page">
      <div className="auth-card">
        <header className="auth-header">
          <h1>{t('login.title')}</h1>
          <LanguageSwitch />
        </header>
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label={t('login.email')}
            type="email"
            autoComplete="username"
            error={errors.email?.message}
            {...form.register('email', required)}
          />
          <TextField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...form.register('password', required)}
          />
          {isApiError(login.error, 401) ? (
            <p className="form-error" role="alert">
              {t('login.wrongCredentials')}
            </p>
          ) : isApiError(login.error, 429) ? (
            <p className="form-error" role="alert">
              {t('login.rateLimited')}
            </p>
          ) : (
            <InlineError error={login.error} />
          )}
          <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="muted">
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </p>
      </div>
    </main>
  );
}
