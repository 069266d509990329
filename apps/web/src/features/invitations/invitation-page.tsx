// Where an invitation link lands (/invitation#<secret>: the secret never reaches a server log).
// Signed in with the invited address: one click to join. Not signed in: create an account with a
// name and a password, or sign in first and come back here.
import { PASSWORD_MIN_LENGTH } from '@cadence/domain/accounts/schemas';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { refusalText } from '../../ui/refusal-text';
import { Loading } from '../../ui/states';
import { LanguageSwitch } from '../layout/language-switch';
import { rememberWorkspace } from '../session/current-workspace';
import { useLogout, useSession } from '../session/session-queries';
import {
  type Registration,
  useAcceptInvitation,
  useInvitationPreview,
  useRegisterWithInvitation,
} from './invitation-queries';

export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const token = location.hash.replace(/^#/, '');
  const preview = useInvitationPreview(token);
  const session = useSession();

  return (
    <main className="auth-page">
      <div className="auth-card">
        <header className="auth-header">
          <h1>{t('invitation.title')}</h1>
          <LanguageSwitch />
        </header>
        {token === '' || preview.isError ? (
          <p className="form-error" role="alert">
            {token === '' ? t('refusals.invitation_invalid') : refusalText(preview.error, t)}
          </p>
        ) : preview.isPending || session.isPending ? (
          <Loading />
        ) : (
          <>
            <p data-testid="invitation-summary">
              {t('invitation.summary', {
                inviter: preview.data.invitedByName ?? t('invitation.someone'),
                workspace: preview.data.workspaceName,
                // Mid-sentence: "en tant que rédacteur", "as editor".
                role: t(`roles.${preview.data.role}`).toLocaleLowerCase(i18n.language),
              })}
            </p>
            <p className="muted">{t('invitation.forAddress', { email: preview.data.email })}</p>
            {session.data ? (
              <AcceptSignedIn token={token} invitedEmail={preview.data.email} />
            ) : (
              <Register token={token} next={`/invitation#${token}`} />
            )}
          </>
        )}
      </div>
    </main>
  );
}

function AcceptSignedIn({ token, invitedEmail }: { token: string; invitedEmail: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession().data;
  const accept = useAcceptInvitation();
  const logout = useLogout();
  if (!session) return null;
  if (session.user.email.toLowerCase() !== invitedEmail) {
    return (
      <div className="form">
        <p className="form-error" role="alert">
          {t('invitation.otherAccount', { email: session.user.email })}
        </p>
        <button type="button" className="btn" onClick={() => logout.mutate()}>
          {t('invitation.signOut')}
        </button>
      </div>
    );
  }
  const join = async () => {
    try {
      const { workspaceId } = await accept.mutateAsync(token);
      rememberWorkspace(session.user.id, workspaceId);
      void navigate('/calendar', { replace: true });
    } catch {
      // shown below
    }
  };
  return (
    <div className="form">
      {accept.isError && (
        <p className="form-error" role="alert">
          {refusalText(accept.error, t)}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={accept.isPending}
        onClick={() => void join()}
      >
        {t('invitation.accept')}
      </button>
    </div>
  );
}

function Register({ token, next }: { token: string; next: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterWithInvitation();
  const form = useForm<Omit<Registration, 'token'>>({ defaultValues: { name: '', password: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      const { user, workspaceId } = await register.mutateAsync({
        ...values,
        token,
        locale: i18n.language === 'fr' ? 'fr' : 'en',
      });
      rememberWorkspace(user.id, workspaceId);
      void navigate('/calendar', { replace: true });
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });
  const fieldProblems = Object.keys(errors).length > 0;
  return (
    <>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="register-title">
        <h2 id="register-title">{t('invitation.newAccount')}</h2>
        <TextField
          label={t('invitation.name')}
          autoComplete="name"
          error={errors.name?.message}
          {...form.register('name', { required: t('validation.required') })}
        />
        <TextField
          label={t('invitation.password')}
          type="password"
          autoComplete="new-password"
          hint={t('invitation.passwordHint')}
          error={errors.password?.message}
          {...form.register('password', {
            required: t('validation.required'),
            minLength: { value: PASSWORD_MIN_LENGTH, message: t('invitation.passwordHint') },
          })}
        />
        {register.isError && !fieldProblems && (
          <p className="form-error" role="alert">
            {refusalText(register.error, t)}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {t('invitation.createAndJoin')}
        </button>
      </form>
      <p className="muted">
        {t('invitation.haveAccount')}{' '}
        <Link to={`/login?next=${encodeURIComponent(next)}`}>{t('invitation.signInToAccept')}</Link>
      </p>
    </>
  );
}
