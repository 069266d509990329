// Loading, error and empty states, so every screen says what is happening in the same way.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedError } from './api-error-text';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <p>{t('common.loadFailed')}</p>
      <p className="muted">{localizedError(error, t, i18n.language)}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** A one-line error under a form or an action, announced when it appears. */
export function InlineError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {localizedError(error, t, i18n.language)}
    </p>
  );
}
