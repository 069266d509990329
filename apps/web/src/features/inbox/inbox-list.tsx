// The list across channels: author, network and channel, an excerpt, age, status and assignee.
// (Link, not NavLink: every item's path is /inbox, the open one is told by ?item=.)
// Keyset pages: "Load more" asks for the next page after the last one shown.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { formatRelative } from '../../ui/time';
import { InboxAuthor } from './inbox-author';
import type { InboxItem, useInboxItems } from './inbox-queries';

interface Props {
  query: ReturnType<typeof useInboxItems>;
  items: InboxItem[];
  channelNames: Map<string, string>;
  memberNames: Map<string, string>;
}

export function InboxList({ query, items, channelNames, memberNames }: Props) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const current = params.get('item');
  const linkTo = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('item', id);
    return `/inbox?${next}`;
  };
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return <EmptyState title={t('inbox.empty')} />;
  return (
    <>
      <ul className="inbox-items" aria-label={t('inbox.listLabel')}>
        {items.map((item) => (
          <li key={item.id}>
            <Link
              to={linkTo(item.id)}
              className={`inbox-item${item.id === current ? ' active' : ''}${item.pastTarget ? ' past-target' : ''}`}
              aria-current={item.id === current ? 'true' : undefined}
              data-testid="inbox-item"
            >
              <InboxAuthor item={item} channelName={channelNames.get(item.channelId)} />
              <span className="inbox-text">{item.text || t('inbox.noText')}</span>
              <span className="muted inbox-meta">
                <time dateTime={item.createdAt}>{formatRelative(item.createdAt, i18n.language)}</time>
                {' · '}
                <span className={`inbox-status inbox-status-${item.status}`}>
                  {t(`inbox.status.${item.status}`)}
                </span>
                {item.pastTarget && (
                  <>
                    {' · '}
                    <strong className="inbox-past-target">{t('inbox.pastTarget')}</strong>
                  </>
                )}
                {item.snoozedUntil &&
                  Date.parse(item.snoozedUntil) > Date.now() &&
                  ` · ${t('inbox.snoozed')}`}
                {item.assigneeUserId &&
                  ` · ${t('inbox.assignedTo', { name: memberNames.get(item.assigneeUserId) ?? t('inbox.someone') })}`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <button
          type="button"
          className="btn inbox-more"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
