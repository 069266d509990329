// "Plan kept": per week, planned versus what became of it, with failures by reason.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyLineChart } from './lazy-chart';
import { useReportFormats } from './report-formats';
import type { ReportOf, ReportPeriod } from './report-queries';
import { ScrollTable } from '../../ui/scroll-table';
import { ReportSection } from './report-section';

export function PlanKeptSection({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  return (
    <ReportSection
      section="plan-kept"
      period={period}
      title={t('reports.planKept.title')}
      intro={t('reports.planKept.intro')}
    >
      {(report) => <PlanKeptBody report={report} />}
    </ReportSection>
  );
}

function PlanKeptBody({ report }: { report: ReportOf<'plan-kept'> }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const chart = useMemo(
    () => ({
      labels: report.weeks.map((w) => f.shortDay(w.weekStart)),
      series: [
        { label: t('reports.planKept.planned'), values: report.weeks.map((w) => w.planned) },
        { label: t('reports.planKept.published'), values: report.weeks.map((w) => w.published) },
      ],
    }),
    [report, f.shortDay, t],
  );
  const bounds = report.delayBucketBoundsSeconds;
  // Delays are counted in buckets (decision 0255): a percentile is a bucket, never an exact time.
  const delayCell = (bucket: number | null) => {
    if (bucket === null) return f.duration(null);
    if (bucket === 0) return t('reports.planKept.delayEarly');
    const bound = bounds[Math.min(bucket, bounds.length - 1)] ?? null;
    return bucket >= bounds.length
      ? t('reports.planKept.delayOver', { duration: f.duration(bound) })
      : t('reports.planKept.delayAtMost', { duration: f.duration(bound) });
  };
  if (report.weeks.length === 0) return <p>{t('reports.planKept.empty')}</p>;
  return (
    <>
      <LazyLineChart summary={t('reports.planKept.chart')} xLabel={t('reports.planKept.week')} {...chart} />
      <ScrollTable label={t('reports.planKept.title')}>
        <table className="table">
          <caption className="muted small">
            {t('reports.planKept.caption', { timezone: report.timezone })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.planKept.week')}</th>
              <th scope="col">{t('reports.planKept.planned')}</th>
              <th scope="col">{t('reports.planKept.published')}</th>
              <th scope="col">{t('reports.planKept.failed')}</th>
              <th scope="col">{t('reports.planKept.missed')}</th>
              <th scope="col">{t('reports.planKept.cancelled')}</th>
              <th scope="col">{t('reports.planKept.onTime')}</th>
              <th scope="col">{t('reports.planKept.onTimeRate')}</th>
              <th scope="col">{t('reports.planKept.delayP50')}</th>
              <th scope="col">{t('reports.planKept.delayP90')}</th>
            </tr>
          </thead>
          <tbody>
            {report.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{t('reports.planKept.weekOf', { date: f.day(w.weekStart) })}</th>
                <td>{w.planned}</td>
                <td>{w.published}</td>
                <td>{w.failed}</td>
                <td>{w.missed}</td>
                <td>{w.cancelled}</td>
                <td>{w.onTime}</td>
                <td>{f.rate(w.onTimeRate)}</td>
                <td>{delayCell(w.delayP50Bucket)}</td>
                <td>{delayCell(w.delayP90Bucket)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted small">
        {t('reports.planKept.delayNote', {
          steps: bounds
            .slice(1)
            .map((b) => f.duration(b))
            .join(', '),
        })}
      </p>
      <h3 id="failures-title">{t('reports.planKept.failuresTitle')}</h3>
      {report.failuresByReason.length === 0 ? (
        <p>{t('reports.planKept.noFailures')}</p>
      ) : (
        <ScrollTable label={t('reports.planKept.failuresTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reports.planKept.reason')}</th>
                <th scope="col">{t('reports.planKept.count')}</th>
              </tr>
            </thead>
            <tbody>
              {report.failuresByReason.map((r) => (
                <tr key={r.reason}>
                  <th scope="row">{t(`reports.reasons.${r.reason}`)}</th>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
