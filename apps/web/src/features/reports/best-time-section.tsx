// "Best time to post": a weekday x hour grid in the workspace's zone. Each cell shows its figure
// and the number of posts behind it (shading only repeats the figure, so no colour is needed);
// suggestions come only from cells with enough posts.
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../ui/use-media-query';
import { useReportFormats } from './report-formats';
import type { ReportOf, ReportPeriod } from './report-queries';
import { ScrollTable } from '../../ui/scroll-table';
import { ReportSection } from './report-section';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function BestTimeSection({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  return (
    <ReportSection
      section="best-time"
      period={period}
      title={t('reports.bestTime.title')}
      intro={t('reports.bestTime.intro')}
    >
      {(report) => <BestTimeBody report={report} />}
    </ReportSection>
  );
}

function BestTimeBody({ report }: { report: ReportOf<'best-time'> }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  const cells = new Map(report.cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const max = Math.max(1, ...report.cells.map((c) => c.engagementPerPost));
  const slot = (c: { weekday: number; hour: number }) => `${f.weekday(c.weekday)} ${f.hour(c.hour)}`;
  // 24 hour columns cannot fit a phone: there the grid turns, a row per hour and a column per day.
  const phone = useIsPhone();
  const rows = phone ? HOURS : WEEKDAYS;
  const columns = phone ? WEEKDAYS : HOURS;
  const cell = (d: number, h: number) => {
    const c = cells.get(`${d}:${h}`);
    if (!c) return <td key={`${d}:${h}`} className="heat-empty" />;
    const few = c.posts < report.minPosts;
    return (
      <td
        key={`${d}:${h}`}
        className={few ? 'heat-few' : 'heat'}
        style={{ '--heat': (c.engagementPerPost / max).toFixed(2) } as React.CSSProperties}
        title={t('reports.bestTime.cell', {
          slot: slot(c),
          value: f.number(c.engagementPerPost),
          count: c.posts,
        })}
      >
        <span className="heat-value">{f.number(Math.round(c.engagementPerPost))}</span>
        <span className="heat-posts">{t('reports.bestTime.posts', { n: c.posts })}</span>
      </td>
    );
  };
  return (
    <>
      <h3 id="suggestions-title">{t('reports.bestTime.suggestions')}</h3>
      {report.suggestions.length === 0 ? (
        <p>{t('reports.bestTime.tooFew', { count: report.minPosts })}</p>
      ) : (
        <ol aria-labelledby="suggestions-title">
          {report.suggestions.map((c) => (
            <li key={`${c.weekday}:${c.hour}`}>
              {t('reports.bestTime.suggestion', {
                slot: slot(c),
                value: f.number(c.engagementPerPost),
                count: c.posts,
              })}
            </li>
          ))}
        </ol>
      )}
      {report.cells.length === 0 ? (
        <p>{t('reports.bestTime.empty')}</p>
      ) : (
        <>
          <p className="muted small" id="heatmap-caption">
            {t('reports.bestTime.caption', { timezone: report.timezone, count: report.minPosts })}
          </p>
          <ScrollTable label={t('reports.bestTime.title')}>
            <table
              className={`table heatmap${phone ? ' heatmap-tall' : ''}`}
              aria-describedby="heatmap-caption"
            >
              <thead>
                <tr>
                  <td />
                  {columns.map((k) => (
                    <th scope="col" key={k}>
                      {phone ? f.shortWeekday(k) : String(k).padStart(2, '0')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r}>
                    <th scope="row">{phone ? String(r).padStart(2, '0') : f.weekday(r)}</th>
                    {columns.map((k) => (phone ? cell(k, r) : cell(r, k)))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </>
  );
}
