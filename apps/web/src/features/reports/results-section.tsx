// "Results": figures pulled back from the networks. A figure a network does not give reads
// "not available", never 0.
import { METRIC_NAMES } from '@cadence/names';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportFormats } from './report-formats';
import type { ReportOf, ReportPeriod } from './report-queries';
import { ScrollTable } from '../../ui/scroll-table';
import { ReportSection } from './report-section';

// The figure columns, in the order the names are defined.
const FIGURES = METRIC_NAMES;

export function ResultsSection({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  return (
    <ReportSection
      section="results"
      period={period}
      title={t('reports.results.title')}
      intro={t('reports.results.intro')}
    >
      {(report) => <ResultsBody report={report} />}
    </ReportSection>
  );
}

type PostRow = ReportOf<'results'>['top'][number];

function PostList({ id, title, posts }: { id: string; title: string; posts: PostRow[] }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  return (
    <>
      <h3 id={id}>{title}</h3>
      <ol className="report-posts" aria-labelledby={id}>
        {posts.map((p) => (
          <li key={p.postId}>
            <Link to={`/posts/${p.postId}`}>{p.excerpt || t('reports.results.noText')}</Link>{' '}
            <span className="muted">
              {t('reports.results.engagementOf', { value: f.number(p.engagement) })} ·{' '}
              {p.networks.map((n) => t(`networks.${n}`)).join(', ')}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

function ResultsBody({ report }: { report: ReportOf<'results'> }) {
  const { t } = useTranslation();
  const f = useReportFormats();
  if (report.networks.length === 0) return <p>{t('reports.results.empty')}</p>;
  return (
    <>
      <ScrollTable label={t('reports.results.byNetwork')}>
        <table className="table">
          <caption className="muted small">{t('reports.results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.results.network')}</th>
              <th scope="col">{t('reports.results.published')}</th>
              <th scope="col">{t('reports.results.measured')}</th>
              {FIGURES.map((m) => (
                <th scope="col" key={m}>
                  {t(`reports.results.${m}`)}
                </th>
              ))}
              <th scope="col">{t('reports.results.engagement')}</th>
              <th scope="col">{t('reports.results.perPost')}</th>
            </tr>
          </thead>
          <tbody>
            {report.networks.map((n) => (
              <tr key={n.network}>
                <th scope="row">{t(`networks.${n.network}`)}</th>
                <td>{n.targets}</td>
                <td>{n.measured}</td>
                {FIGURES.map((m) => (
                  <td key={m}>{f.number(n[m])}</td>
                ))}
                <td>{f.number(n.engagement)}</td>
                <td>{f.number(n.engagementPerPost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {report.top.length > 0 && (
        <div className="report-columns">
          <div>
            <PostList id="top-posts" title={t('reports.results.top')} posts={report.top} />
          </div>
          <div>
            <PostList id="bottom-posts" title={t('reports.results.bottom')} posts={report.bottom} />
          </div>
        </div>
      )}
      <h3 id="campaigns-title">{t('reports.results.byCampaign')}</h3>
      <ScrollTable label={t('reports.results.byCampaign')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('reports.results.campaign')}</th>
              <th scope="col">{t('reports.results.published')}</th>
              <th scope="col">{t('reports.results.measured')}</th>
              <th scope="col">{t('reports.results.engagement')}</th>
              <th scope="col">{t('reports.results.perPost')}</th>
            </tr>
          </thead>
          <tbody>
            {report.campaigns.map((c) => (
              <tr key={c.campaignId ?? 'none'}>
                <th scope="row">{c.name ?? t('reports.results.noCampaign')}</th>
                <td>{c.targets}</td>
                <td>{c.measured}</td>
                <td>{f.number(c.engagement)}</td>
                <td>{f.number(c.engagementPerPost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h3 id="followers-title">{t('reports.results.followers')}</h3>
      {report.followers.length === 0 ? (
        <p>{t('reports.results.noFollowers')}</p>
      ) : (
        <ScrollTable label={t('reports.results.followers')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reports.results.channel')}</th>
                <th scope="col">{t('reports.results.first')}</th>
                <th scope="col">{t('reports.results.last')}</th>
                <th scope="col">{t('reports.results.change')}</th>
              </tr>
            </thead>
            <tbody>
              {report.followers.map((c) => (
                <tr key={c.channelId}>
                  <th scope="row">
                    {c.channel} <span className="muted">({t(`networks.${c.network}`)})</span>
                  </th>
                  <td>{f.number(c.first)}</td>
                  <td>{f.number(c.last)}</td>
                  <td>{c.change !== null && c.change > 0 ? `+${f.number(c.change)}` : f.number(c.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
