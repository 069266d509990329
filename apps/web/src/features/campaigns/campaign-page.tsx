// One campaign: its brief (editable by managers), a timeline of its posts, and a link to the
// calendar filtered on it.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDayRange } from '../../ui/format';
import { roleAtLeast } from '../../ui/roles';
import { ErrorState, Loading } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { usePostList } from '../posts/post-queries';
import { byPublishTime } from '../review/review-page';
import { useCurrentWorkspace } from '../session/current-workspace';
import { CampaignForm } from './campaign-form';
import { useCampaign } from './campaign-queries';

export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { campaignId = '' } = useParams();
  const { workspace } = useCurrentWorkspace();
  const campaign = useCampaign(workspace.id, campaignId);
  const posts = usePostList(workspace.id, { campaignId });
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const timeline = [...(posts.data ?? [])].sort(byPublishTime);
  return (
    <section className="page" aria-labelledby="campaign-title">
      <header className="post-head">
        <h1 id="campaign-title">
          <span className="swatch" style={{ background: c.colour }} aria-hidden="true" /> {c.name}
        </h1>
        <span className="pill">{t(`campaigns.statuses.${c.status}`)}</span>
        <span className="muted">{formatDayRange(c.startsOn, c.endsOn, i18n.language)}</span>
        <Link className="btn btn-small" to={`/calendar?view=month&date=${c.startsOn}&campaign=${c.id}`}>
          {t('campaigns.onCalendar')}
        </Link>
      </header>
      {c.description && <p className="brief">{c.description}</p>}
      <h2>{t('campaigns.timeline')}</h2>
      {posts.isPending ? (
        <Loading />
      ) : posts.isError ? (
        <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />
      ) : timeline.length === 0 ? (
        <p className="muted">{t('campaigns.noPosts')}</p>
      ) : (
        <ol className="timeline">
          {timeline.map((p) => (
            <li key={p.id} className="timeline-event">
              <span className="muted">
                {p.schedule
                  ? formatTime(p.schedule.at, i18n.language, workspace.timezone)
                  : t('review.noTime')}{' '}
                ·{' '}
              </span>
              <span className={`pill pill-${p.status}`}>{t(`status.${p.status}`)}</span>{' '}
              <Link to={`/posts/${p.id}`}>{p.text.split('\n')[0] || t('review.noText')}</Link>
            </li>
          ))}
        </ol>
      )}
      {roleAtLeast(workspace.role, 'manager') && (
        <>
          <h2>{t('campaigns.edit')}</h2>
          <CampaignForm workspaceId={workspace.id} campaign={c} />
        </>
      )}
    </section>
  );
}
