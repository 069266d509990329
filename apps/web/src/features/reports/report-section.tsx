// One report section: its title, what it says, the CSV download of its main table, and the
// loading and error states; the body renders the section's answer.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import { csvHref, type ReportOf, type ReportPeriod, type Section, useReport } from './report-queries';

export function ReportSection<S extends Section>({
  section,
  period,
  title,
  intro,
  children,
}: {
  section: S;
  period: ReportPeriod;
  title: string;
  intro: string;
  children: (report: ReportOf<S>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const report = useReport(section, workspace.id, period);
  const titleId = `${section}-title`;
  return (
    <section className="report-section" aria-labelledby={titleId} id={section}>
      <div className="report-section-head">
        <h2 id={titleId}>{title}</h2>
        <a className="btn btn-small" href={csvHref(section, workspace.id, period)} download>
          {t('reports.downloadCsv')}
          <span className="visually-hidden"> — {title}</span>
        </a>
      </div>
      <p className="muted">{intro}</p>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        children(report.data)
      )}
    </section>
  );
}
