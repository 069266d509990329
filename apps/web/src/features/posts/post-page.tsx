// /posts/:postId: status, time in the workspace zone, campaign and pillar, one row per channel with
// its publishing status, the previews, and the timeline of comments and history.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CopyButton } from '../../ui/copy-button';
import { roleAtLeast } from '../../ui/roles';
import { ErrorState, Loading } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { useCampaigns } from '../campaigns/campaign-queries';
import { useCharter } from '../charter/charter-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { PostCommands } from './post-commands';
import { PostConversation } from './post-conversation';
import { PostPreviews } from './post-previews';
import { type PostTarget, postQuery } from './post-queries';
import { PostTargets } from './post-targets';
import { RetryFailed } from './retry-failed';
import { usePeople } from './use-people';

const IN_FLIGHT = new Set(['claimed', 'sending']);
const publishingSoon = (x: PostTarget) =>
  IN_FLIGHT.has(x.status) ||
  (x.status === 'scheduled' &&
    x.scheduledAt !== null &&
    Date.parse(x.scheduledAt) - Date.now() < 10 * 60_000);
const EDITABLE = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'];

export function PostPage() {
  const { t, i18n } = useTranslation();
  const { postId = '' } = useParams();
  const { workspace } = useCurrentWorkspace();
  // Publishing moves on without us: look again every 5 s while a target is on its way, so
  // "Published ↗" appears without a reload.
  const post = useQuery({
    ...postQuery(workspace.id, postId),
    refetchInterval: (q) => (q.state.data?.targets.some(publishingSoon) ? 5_000 : false),
  });
  const campaigns = useCampaigns(workspace.id);
  const charter = useCharter(workspace.id);
  const nameOf = usePeople(workspace.id);

  if (post.isPending) return <Loading />;
  if (post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  const p = post.data;
  const campaign = campaigns.data?.find((c) => c.id === p.campaignId);
  // The pillar by its name in the charter; one the charter no longer has says so, never its id.
  const pillarName = p.pillarId
    ? (charter.data?.rules.rules.pillars?.find((x) => x.id === p.pillarId)?.name ??
      (charter.isSuccess ? t('post.removedPillar') : null))
    : null;
  return (
    <section className="page post-page" aria-labelledby="post-title">
      <header className="post-head">
        <h1 id="post-title">{t('post.title')}</h1>
        <span className={`pill pill-${p.status}`} data-testid="post-status">
          {t(`status.${p.status}`)}
        </span>
        {p.schedule && (
          <span>
            {formatTime(p.schedule.at, i18n.language, workspace.timezone)}{' '}
            <span className="muted">({workspace.timezone})</span>
          </span>
        )}
        {campaign && (
          <span className="chip">
            <span className="swatch" style={{ background: campaign.colour }} aria-hidden="true" />{' '}
            {campaign.name}
          </span>
        )}
        {pillarName && <span className="chip">{pillarName}</span>}
        {p.labels.map((l) => (
          <span key={l} className="chip chip-small">
            {l}
          </span>
        ))}
      </header>
      <p className="muted">{t('post.byline', { name: nameOf(p.author) })}</p>
      <div className="button-group post-actions">
        {roleAtLeast(workspace.role, 'editor') && EDITABLE.includes(p.status) && (
          <Link className="btn" to={`/posts/${p.id}/edit`}>
            {t('common.edit')}
          </Link>
        )}
        {p.status === 'in_review' && roleAtLeast(workspace.role, 'manager') && (
          <Link className="btn" to={`/review/${p.id}`}>
            {t('post.review')}
          </Link>
        )}
        <CopyButton value={window.location.href} label={t('post.copyLink')} />
      </div>
      <PostCommands post={p} afterDelete="/calendar" />
      <h2>{t('post.targets')}</h2>
      <PostTargets
        workspaceId={workspace.id}
        post={p}
        timeZone={workspace.timezone}
        canConfirm={roleAtLeast(workspace.role, 'manager')}
      />
      {roleAtLeast(workspace.role, 'manager') && <RetryFailed workspaceId={workspace.id} post={p} />}
      <div className="post-columns">
        <div>
          <h2>{t('composer.previews')}</h2>
          <PostPreviews workspaceId={workspace.id} post={p} />
        </div>
        <PostConversation workspaceId={workspace.id} postId={p.id} timeZone={workspace.timezone} />
      </div>
    </section>
  );
}
