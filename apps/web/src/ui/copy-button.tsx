import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a value to the clipboard and says so (role=status announces it to screen readers). */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed'); // clipboard refused (insecure origin): the value stays visible to copy by hand
    }
  };
  return (
    <span className="copy">
      <button type="button" className="btn" onClick={() => void copy()}>
        {label ?? t('common.copy')}
      </button>
      <span role="status" className="muted">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
