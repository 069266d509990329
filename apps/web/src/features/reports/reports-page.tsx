// Reports (issue 17), first slice: "Plan kept" as a table per week with its CSV download. No
// chart yet: the table is the accessible view every chart will keep beside it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import { type PlanKeptPeriod, type PlanKeptReport, planKeptCsvHref, usePlanKept } from './plan-kept-queries';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last twelve weeks up to tomorrow, so today's posts are in. */
function defaultPeriod(): PlanKeptPeriod {
  const tomorrow = new Date(Date.now() + 86_400_000);
  return { from: isoDay(new Date(tomorrow.getTime() - 84 * 86_400_000)), to: isoDay(tomorrow) };
}

function useFormats(locale: string) {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' });
  const minutes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  });
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    rate: (v: number | null) => (v === null ? '—' : percent.format(v)),
    delay: (v: number | null) =>
      v === null ? '—' : Math.abs(v) < 120 ? seconds.format(Math.round(v)) : minutes.format(v / 60),
    week: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
  };
}

export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const [period, setPeriod] = useState(defaultPeriod);
  const report = usePlanKept(workspace.id, period);
  const set = (field: keyof PlanKeptPeriod) => (e: React.ChangeEvent<HTMLInputElement>) => {
    if (e.target.value) setPeriod((p) => ({ ...p, [field]: e.target.value }));
  };
  return (
    <section className="page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('nav.reports')}</h1>
      <h2 id="plan-kept-title">{t('reports.planKept.title')}</h2>
      <p className="muted">{t('reports.planKept.intro')}</p>
      <form className="report-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.from')} <input type="date" value={period.from} onChange={set('from')} />
        </label>
        <label>
          {t('reports.to')} <input type="date" value={period.to} onChange={set('to')} />
        </label>
        <a className="btn" href={planKeptCsvHref(workspace.id, period)} download>
          {t('reports.downloadCsv')}
        </a>
      </form>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <PlanKeptTables report={report.data} locale={i18n.language} />
      )}
    </section>
  );
}

function PlanKeptTables({ report, locale }: { report: PlanKeptReport; locale: string }) {
  const { t } = useTranslation();
  const f = useFormats(locale);
  if (report.weeks.length === 0) return <p>{t('reports.planKept.empty')}</p>;
  return (
    <>
      {/* tabIndex: a wide table scrolls sideways on a phone; the keyboard must reach it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus to scroll by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-labelledby="plan-kept-title">
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
                <th scope="row">{t('reports.planKept.weekOf', { date: f.week(w.weekStart) })}</th>
                <td>{w.planned}</td>
                <td>{w.published}</td>
                <td>{w.failed}</td>
                <td>{w.missed}</td>
                <td>{w.cancelled}</td>
                <td>{w.onTime}</td>
                <td>{f.rate(w.onTimeRate)}</td>
                <td>{f.delay(w.delayP50Seconds)}</td>
                <td>{f.delay(w.delayP90Seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h3 id="failures-title">{t('reports.planKept.failuresTitle')}</h3>
      {report.failuresByReason.length === 0 ? (
        <p>{t('reports.planKept.noFailures')}</p>
      ) : (
        <table className="table" aria-labelledby="failures-title">
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
      )}
    </>
  );
}
