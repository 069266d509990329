// Reports (issue 17): one period for every section; each section has a table (the accessible
// view), a CSV download and, where a trend helps, a chart loaded on demand (decision 0192).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCharter } from '../charter/charter-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { useMembers } from '../settings/member-queries';
import { BestTimeSection } from './best-time-section';
import { CharterSection } from './charter-section';
import { CommunitySection } from './community-section';
import { PlanKeptSection } from './plan-kept-section';
import type { ReportPeriod } from './report-queries';
import { ResultsSection } from './results-section';
import { WorkflowSection } from './workflow-section';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last twelve weeks up to tomorrow, so today's posts are in. */
function defaultPeriod(): ReportPeriod {
  const tomorrow = new Date(Date.now() + 86_400_000);
  return { from: isoDay(new Date(tomorrow.getTime() - 84 * 86_400_000)), to: isoDay(tomorrow) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** ?from=&to= (the weekly report email links to its week), else the default. */
function periodFrom(params: URLSearchParams): ReportPeriod {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return DAY.test(from) && DAY.test(to) && from < to ? { from, to } : defaultPeriod();
}

const CONTENTS = [
  ['plan-kept', 'reports.planKept.title'],
  ['workflow', 'reports.workflow.title'],
  ['charter', 'reports.charter.title'],
  ['results', 'reports.results.title'],
  ['best-time', 'reports.bestTime.title'],
  ['community', 'reports.community.title'],
] as const;

export function ReportsPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const pillars = useCharter(workspace.id).data?.rules.rules.pillars ?? [];
  const members = useMembers(workspace.id).data ?? [];
  const [params] = useSearchParams();
  const [period, setPeriod] = useState(() => periodFrom(params));
  const set = (field: 'from' | 'to') => (e: React.ChangeEvent<HTMLInputElement>) => {
    if (e.target.value) setPeriod((p) => ({ ...p, [field]: e.target.value }));
  };
  // An empty choice is "all": the filter leaves the query string.
  const choose = (field: 'pillarId' | 'authorId') => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setPeriod((p) => ({ ...p, [field]: e.target.value || undefined }));
  return (
    <section className="page reports" aria-labelledby="reports-title">
      <div className="report-title">
        <h1 id="reports-title">{t('nav.reports')}</h1>
        {/* The printable page is this one: print styles drop the navigation and the controls. */}
        <button type="button" className="btn report-print" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </div>
      <p className="report-printed-period">
        {t('reports.printedPeriod', { from: period.from, to: period.to })}
      </p>
      <form className="report-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.from')} <input type="date" value={period.from} onChange={set('from')} />
        </label>
        <label>
          {t('reports.to')} <input type="date" value={period.to} onChange={set('to')} />
        </label>
        <label>
          {t('reports.pillar')}
          <select value={period.pillarId ?? ''} onChange={choose('pillarId')}>
            <option value="">{t('reports.allPillars')}</option>
            {pillars.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.author')}
          <select value={period.authorId ?? ''} onChange={choose('authorId')}>
            <option value="">{t('reports.allAuthors')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <nav aria-label={t('reports.contents')} className="report-contents">
        <ul>
          {CONTENTS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PlanKeptSection period={period} />
      <WorkflowSection period={period} />
      <CharterSection period={period} />
      <ResultsSection period={period} />
      <BestTimeSection period={period} />
      <CommunitySection period={period} />
    </section>
  );
}
