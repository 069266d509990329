// "Workflow": how long approval takes (submitted to approved) and how many rounds of changes.
import { TURNAROUND_BUCKET_BOUNDS } from '@cadence/domain/reports/rollups/turnaround-buckets';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyLineChart } from './lazy-chart';
import { useReportFormats } from './report-formats';
import type { ReportOf, ReportPeriod } from './report-queries';
import { ScrollTable } from '../../ui/scroll-table';
import { ReportSection } from './report-section';

export function WorkflowSection({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  return (
    <ReportSection
      section="workflow"
      period={period}
      title={t('reports.workflow.title')}
      intro={t('reports.workflow.intro')}
    >
      {(report) => <WorkflowBody report={report} />}
    </ReportSection>
  );
}

function WorkflowBody({ report }: { report: ReportOf<'workflow'> }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const chart = useMemo(
    () => ({
      labels: report.weeks.map((w) => f.shortDay(w.weekStart)),
      series: [
        { label: t('reports.workflow.p50'), values: report.weeks.map((w) => w.turnaroundP50Seconds) },
        { label: t('reports.workflow.p90'), values: report.weeks.map((w) => w.turnaroundP90Seconds) },
      ],
    }),
    [report, f.shortDay, t],
  );
  if (report.approvals === 0 && report.postsReviewed === 0) return <p>{t('reports.workflow.empty')}</p>;
  return (
    <>
      <dl className="report-figures">
        <div>
          <dt>{t('reports.workflow.approvals')}</dt>
          <dd>{report.approvals}</dd>
        </div>
        <div>
          <dt>{t('reports.workflow.p50')}</dt>
          <dd>{f.duration(report.turnaroundP50Seconds)}</dd>
        </div>
        <div>
          <dt>{t('reports.workflow.p90')}</dt>
          <dd>{f.duration(report.turnaroundP90Seconds)}</dd>
        </div>
        <div>
          <dt>{t('reports.workflow.meanRounds')}</dt>
          <dd>{f.number(report.meanRounds)}</dd>
        </div>
      </dl>
      <LazyLineChart
        summary={t('reports.workflow.chart')}
        xLabel={t('reports.planKept.week')}
        formatY={f.duration}
        {...chart}
      />
      <ScrollTable label={t('reports.workflow.title')}>
        <table className="table">
          <caption className="muted small">
            {t('reports.planKept.caption', { timezone: report.timezone })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.planKept.week')}</th>
              <th scope="col">{t('reports.workflow.approvals')}</th>
              <th scope="col">{t('reports.workflow.p50')}</th>
              <th scope="col">{t('reports.workflow.p90')}</th>
            </tr>
          </thead>
          <tbody>
            {report.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{t('reports.planKept.weekOf', { date: f.day(w.weekStart) })}</th>
                <td>{w.approvals}</td>
                <td>{f.duration(w.turnaroundP50Seconds)}</td>
                <td>{f.duration(w.turnaroundP90Seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted small">
        {t('reports.workflow.stepsNote', {
          steps: TURNAROUND_BUCKET_BOUNDS.map((b) => f.duration(b)).join(', '),
        })}
      </p>
      <h3 id="rounds-title">{t('reports.workflow.roundsTitle', { count: report.postsReviewed })}</h3>
      <ScrollTable label={t('reports.workflow.rounds')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('reports.workflow.rounds')}</th>
              <th scope="col">{t('reports.workflow.posts')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rounds.map((r) => (
              <tr key={r.rounds}>
                <th scope="row">{r.rounds >= 3 ? t('reports.workflow.threeOrMore') : r.rounds}</th>
                <td>{r.posts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
