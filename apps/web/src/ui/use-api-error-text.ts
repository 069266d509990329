import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedError } from './api-error-text';

/** errorText(e): the failure in the reader's language (see api-error-text.ts). */
export function useApiErrorText() {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => localizedError(error, t, i18n.language), [t, i18n.language]);
}
