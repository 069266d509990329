// "Charter": which rules the verdicts came from (from each post's last check; decision 0191).
import { useTranslation } from 'react-i18next';
import type { ReportOf, ReportPeriod } from './report-queries';
import { ScrollTable } from '../../ui/scroll-table';
import { ReportSection } from './report-section';

/** A rule's name in the reader's language; network limits share one name, never a code. */
function useRuleName() {
  const { t } = useTranslation();
  return (rule: string) =>
    rule.startsWith('network.')
      ? t('reports.charter.networkLimits')
      : t(`charter.rules.${rule}`, { defaultValue: t('reports.charter.otherRule') });
}

export function CharterSection({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  return (
    <ReportSection
      section="charter"
      period={period}
      title={t('reports.charter.title')}
      intro={t('reports.charter.intro')}
    >
      {(report) => <CharterBody report={report} />}
    </ReportSection>
  );
}

function CharterBody({ report }: { report: ReportOf<'charter'> }) {
  const { t } = useTranslation();
  const ruleName = useRuleName();
  return (
    <>
      <p>
        {t('reports.charter.checked', { count: report.postsChecked })}{' '}
        {t('reports.charter.held', { count: report.heldAtSend })}
      </p>
      {report.rules.length === 0 ? (
        <p>{t('reports.charter.empty')}</p>
      ) : (
        <ScrollTable label={t('reports.charter.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reports.charter.rule')}</th>
                <th scope="col">{t('reports.charter.blocked')}</th>
                <th scope="col">{t('reports.charter.warned')}</th>
                <th scope="col">{t('reports.charter.overridden')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rules.map((r) => (
                <tr key={r.rule}>
                  <th scope="row">{ruleName(r.rule)}</th>
                  <td>{r.blocked}</td>
                  <td>{r.warned}</td>
                  <td>{r.overridden}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <p className="muted small">{t('reports.charter.note')}</p>
    </>
  );
}
