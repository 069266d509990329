// Version history: who saved which version when, and which rules changed; any version can be
// loaded into the editor (saving it makes a new version, history is never rewritten).
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { usePeople } from '../posts/use-people';
import { useCharterVersions } from './charter-queries';
import { changeSummaryList } from './change-summary-text';

interface CharterHistoryProps {
  workspaceId: string;
  timeZone: string;
  onLoad: ((version: number) => void) | null;
}

export function CharterHistory({ workspaceId, timeZone, onLoad }: CharterHistoryProps) {
  const { t, i18n } = useTranslation();
  const versions = useCharterVersions(workspaceId);
  const nameOf = usePeople(workspaceId);
  return (
    <section aria-labelledby="charter-history-title">
      <h2 id="charter-history-title">{t('charter.history')}</h2>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <p className="muted">{t('charter.noVersions')}</p>
      ) : (
        <ol className="timeline">
          {versions.data.map((v) => (
            <li key={v.version} className="timeline-event">
              <strong>{t('charter.version', { version: v.version })}</strong>{' '}
              <span className="muted">
                {v.createdAt ? formatTime(v.createdAt, i18n.language, timeZone) : ''} · {nameOf(v.createdBy)}
              </span>
              {v.changeSummary.length > 0 && (
                <div className="small">{changeSummaryList(v.changeSummary, t, i18n.language)}</div>
              )}
              {onLoad && (
                <button type="button" className="btn btn-small btn-link" onClick={() => onLoad(v.version)}>
                  {t('charter.loadVersion')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
