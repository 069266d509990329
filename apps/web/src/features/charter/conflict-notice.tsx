// Said when a save is refused because someone saved the charter after this page was opened (409):
// which versions, that nothing typed is lost, and the two ways out.
import { useTranslation } from 'react-i18next';

export function ConflictNotice({
  baseVersion,
  theirVersion,
  busy,
  onSaveMine,
  onLoadTheirs,
}: {
  baseVersion: number;
  theirVersion: number;
  busy: boolean;
  onSaveMine: () => void;
  onLoadTheirs: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-warn" role="alert">
      <p>
        <strong>{t('charter.conflictTitle')}</strong>
      </p>
      <p>
        {baseVersion === 0
          ? t('charter.conflictFirst', { theirs: theirVersion })
          : t('charter.conflictBody', { base: baseVersion, theirs: theirVersion })}
      </p>
      <div className="button-group">
        <button type="button" className="btn" disabled={busy} onClick={onSaveMine}>
          {t('charter.conflictSaveMine', { next: theirVersion + 1 })}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onLoadTheirs}>
          {t('charter.conflictLoadTheirs', { theirs: theirVersion })}
        </button>
      </div>
    </div>
  );
}
