// /review and /review/:postId. Managers: posts waiting for a decision, soonest to publish first
// (overdue on top), J/K to move. Editors: their own submissions by outcome.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { formatRelative } from '../../ui/time';
import { type PostStatus, type PostSummary, usePostList } from '../posts/post-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { ReviewDetail } from './review-detail';

const MY_TABS = ['changes_requested', 'in_review', 'approved'] as const;

/** Soonest first; posts without a time go last, oldest submission first among them. */
export function byPublishTime(a: PostSummary, b: PostSummary) {
  const at = (p: PostSummary) => (p.schedule ? Date.parse(p.schedule.at) : Number.POSITIVE_INFINITY);
  return at(a) - at(b) || a.updatedAt.localeCompare(b.updatedAt);
}

export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { postId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { workspace, session } = useCurrentWorkspace();
  const isManager = roleAtLeast(workspace.role, 'manager');
  const tab = (MY_TABS.find((s) => s === params.get('tab')) ?? 'changes_requested') as PostStatus;
  const filter = isManager
    ? { status: 'in_review' as const }
    : { status: tab, authorUserId: session.user.id };
  const list = usePostList(workspace.id, filter);
  const posts = [...(list.data ?? [])].sort(byPublishTime);
  const index = posts.findIndex((p) => p.id === postId);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (
        (e.target as HTMLElement | null)?.closest('input, textarea, select, [role="dialog"], [role="menu"]')
      )
        return;
      const step = e.key === 'j' ? 1 : e.key === 'k' ? -1 : 0;
      const next = posts[Math.max(0, Math.min(posts.length - 1, index + step))];
      if (step && next) void navigate(`/review/${next.id}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const afterDecision = () => {
    const next = posts[index + 1] ?? posts[index - 1];
    void navigate(next && next.id !== postId ? `/review/${next.id}` : '/review');
  };

  return (
    <section className="page page-wide review-page" aria-labelledby="review-title">
      <h1 id="review-title">{isManager ? t('review.title') : t('review.mine')}</h1>
      {!isManager && (
        <nav className="tabs" aria-label={t('review.mine')}>
          {MY_TABS.map((s) => (
            <button
              key={s}
              type="button"
              className={s === tab ? 'tab active' : 'tab'}
              aria-current={s === tab ? 'page' : undefined}
              onClick={() => setParams({ tab: s })}
            >
              {t(`review.tabs.${s}`)}
            </button>
          ))}
        </nav>
      )}
      <div className="inbox">
        <div className="inbox-list">
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : posts.length === 0 ? (
            <EmptyState title={isManager ? t('review.caughtUp') : t('review.nothingHere')} />
          ) : (
            <ul className="inbox-items" aria-label={t('review.listLabel')}>
              {posts.map((p) => {
                const overdue = p.schedule && Date.parse(p.schedule.at) < Date.now();
                return (
                  <li key={p.id}>
                    <NavLink to={`/review/${p.id}${isManager ? '' : `?tab=${tab}`}`} className="inbox-item">
                      <span className="inbox-text">{p.text.split('\n')[0] || t('review.noText')}</span>
                      <span className={overdue ? 'muted overdue' : 'muted'}>
                        {p.schedule
                          ? overdue
                            ? t('review.overdue', { when: formatRelative(p.schedule.at, i18n.language) })
                            : t('review.publishes', { when: formatRelative(p.schedule.at, i18n.language) })
                          : t('review.noTime')}
                      </span>
                      <span className="inbox-networks">
                        {p.targets.map((x) => (
                          <span
                            key={x.id}
                            className={`network-badge network-${x.network}`}
                            title={t(`networks.${x.network}`)}
                          >
                            {t(`networks.${x.network}`).slice(0, 1)}
                          </span>
                        ))}
                      </span>
                    </NavLink>
                  </li>
                );
              })}
            </ul>
          )}
          {isManager && <p className="muted shortcuts-hint">{t('review.shortcuts')}</p>}
        </div>
        <div className="inbox-detail">
          {postId ? (
            <ReviewDetail key={postId} postId={postId} onDecided={afterDecision} />
          ) : posts.length > 0 ? (
            <p className="muted">{t('review.pick')}</p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
