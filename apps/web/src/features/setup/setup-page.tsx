import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { LanguageSwitch } from '../layout/language-switch';
import { useSetupStatus } from '../session/session-queries';
import { ErrorState, Loading } from '../../ui/states';
import { SetupForm } from './setup-form';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.needed) return <Navigate to="/login" replace />;
  return (
    <main className="auth-page">
      <div className="auth-card">
        <header className="auth-header">
          <h1>{t('setup.title')}</h1>
          <LanguageSwitch />
        </header>
        <p className="muted">{t('setup.intro')}</p>
        <SetupForm onDone={() => void navigate('/calendar', { replace: true })} />
      </div>
    </main>
  );
}
