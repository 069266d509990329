// "Community": what the inbox received per day, how much was answered, and how fast the first
// reply came against the workspace's target (decision 0256). Its channel and network filters are
// its own: campaign, pillar and author do not apply to conversations.
import { TURNAROUND_BUCKET_BOUNDS } from '@cadence/domain/reports/rollups/turnaround-buckets';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/scroll-table';
import { useChannels } from '../channels/channel-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { LazyLineChart } from './lazy-chart';
import { useReportFormats } from './report-formats';
import type { ReportOf, ReportPeriod } from './report-queries';
import { ReportSection } from './report-section';

export function CommunitySection({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const channels = useChannels(workspace.id).data ?? [];
  const networks = [...new Set(channels.map((c) => c.network))].sort();
  const [filter, setFilter] = useState<{ channelId?: string; network?: string }>({});
  const scoped: ReportPeriod = { from: period.from, to: period.to, ...filter };
  const choose = (field: 'channelId' | 'network') => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilter((f) => ({ ...f, [field]: e.target.value || undefined }));
  return (
    <ReportSection
      section="community"
      period={scoped}
      title={t('reports.community.title')}
      intro={t('reports.community.intro')}
    >
      {(report) => (
        <>
          <form className="report-filters" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t('reports.community.network')}
              <select value={filter.network ?? ''} onChange={choose('network')}>
                <option value="">{t('reports.community.allNetworks')}</option>
                {networks.map((n) => (
                  <option key={n} value={n}>
                    {t(`networks.${n}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('reports.community.channel')}
              <select value={filter.channelId ?? ''} onChange={choose('channelId')}>
                <option value="">{t('reports.community.allChannels')}</option>
                {channels.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.displayName}
                  </option>
                ))}
              </select>
            </label>
          </form>
          <CommunityBody report={report} />
        </>
      )}
    </ReportSection>
  );
}

const minutesAsSeconds = (v: number | null) => (v === null ? null : v * 60);

function CommunityBody({ report }: { report: ReportOf<'community'> }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const chart = useMemo(
    () => ({
      labels: report.days.map((d) => f.shortDay(d.day)),
      series: [
        { label: t('reports.community.received'), values: report.days.map((d) => d.received) },
        { label: t('reports.community.answered'), values: report.days.map((d) => d.answered) },
        { label: t('reports.community.done'), values: report.days.map((d) => d.done) },
      ],
    }),
    [report, f.shortDay, t],
  );
  if (!report.synced) return <p>{t('reports.community.notSynced')}</p>;
  if (report.received === 0) return <p>{t('reports.community.empty')}</p>;
  return (
    <>
      <dl className="report-figures">
        <div>
          <dt>{t('reports.community.received')}</dt>
          <dd>{f.number(report.received)}</dd>
        </div>
        <div>
          <dt>{t('reports.community.answeredShare')}</dt>
          <dd>{f.rate(report.answeredShare)}</dd>
        </div>
        <div>
          <dt>{t('reports.community.p50')}</dt>
          <dd>{f.duration(minutesAsSeconds(report.firstResponseP50Minutes))}</dd>
        </div>
        <div>
          <dt>{t('reports.community.p90')}</dt>
          <dd>{f.duration(minutesAsSeconds(report.firstResponseP90Minutes))}</dd>
        </div>
        <div>
          <dt>
            {report.targetMinutes === null
              ? t('reports.community.noTarget')
              : t('reports.community.withinTarget', {
                  target: f.duration(minutesAsSeconds(report.targetMinutes)),
                })}
          </dt>
          <dd>{f.rate(report.withinTargetShare)}</dd>
        </div>
        <div>
          <dt>{t('reports.community.openPastTarget')}</dt>
          <dd>{f.number(report.openPastTarget)}</dd>
        </div>
        <div>
          <dt>{t('reports.community.snoozedNow')}</dt>
          <dd>{f.number(report.snoozedNow)}</dd>
        </div>
      </dl>
      <p className="muted small">
        {t('reports.community.stepsNote', {
          steps: TURNAROUND_BUCKET_BOUNDS.map((b) => f.duration(b)).join(', '),
        })}
      </p>
      <LazyLineChart summary={t('reports.community.chart')} xLabel={t('reports.community.day')} {...chart} />
      <ScrollTable label={t('reports.community.title')}>
        <table className="table">
          <caption className="muted small">
            {t('reports.community.caption', { timezone: report.timezone })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.community.day')}</th>
              <th scope="col">{t('reports.community.received')}</th>
              <th scope="col">{t('reports.community.answered')}</th>
              <th scope="col">{t('reports.community.done')}</th>
            </tr>
          </thead>
          <tbody>
            {/* The chart draws every day; the table lists the days something arrived (a quarter
                of mostly empty rows would bury them), the CSV every day. */}
            {report.days
              .filter((d) => d.received > 0)
              .map((d) => (
                <tr key={d.day}>
                  <th scope="row">{f.day(d.day)}</th>
                  <td>{d.received}</td>
                  <td>{d.answered}</td>
                  <td>{d.done}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
