// What the sandbox network received: a newcomer sees the whole flow end to end without a real
// account. Refreshes every 10 s; items link back to their post.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { useChannels } from '../channels/channel-queries';
import { libraryThumbnail } from '../media/media-queries';
import { useCurrentWorkspace } from '../session/current-workspace';

export function SandboxFeedPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const channels = useChannels(workspace.id);
  const names = new Map((channels.data ?? []).map((c) => [c.id, c.displayName]));
  const feed = useInfiniteQuery({
    queryKey: ['sandbox-feed', workspace.id],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/sandbox-feed', {
          params: {
            path: { workspaceId: workspace.id },
            query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="page" aria-labelledby="sandbox-title">
      <h1 id="sandbox-title">{t('sandbox.title')}</h1>
      <p className="muted">{t('sandbox.intro')}</p>
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('sandbox.empty')}>
          <p className="muted">{t('sandbox.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ol className="sandbox-feed">
          {items.map((item) => (
            <li key={item.id} className="preview" id={`sandbox-${item.id}`}>
              <header className="preview-head">
                <strong>
                  {item.channelId
                    ? (names.get(item.channelId) ?? t('networks.sandbox'))
                    : t('networks.sandbox')}
                </strong>
                <time className="muted">{formatTime(item.createdAt, i18n.language, workspace.timezone)}</time>
                {item.postId && (
                  <Link className="chip chip-small" to={`/posts/${item.postId}`}>
                    {t('sandbox.openPost')}
                  </Link>
                )}
              </header>
              <p className="preview-text">{item.text}</p>
              {item.media.length > 0 && (
                <ul className="feed-media" aria-label={t('composer.media')}>
                  {item.media.map((m, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a post's attachments in their order
                    <li key={i}>
                      <figure>
                        {/* Library items only: the app serves their thumbnails; other URLs stay links. */}
                        {libraryThumbnail(m.url) ? (
                          <img src={libraryThumbnail(m.url) ?? ''} alt={m.alt} />
                        ) : (
                          <a href={m.url} rel="noreferrer" target="_blank">
                            {t(`composer.kinds.${m.kind}`)}
                          </a>
                        )}
                        <figcaption>
                          {m.alt ? t('sandbox.alt', { alt: m.alt }) : t('sandbox.noAlt')}
                        </figcaption>
                      </figure>
                    </li>
                  ))}
                </ul>
              )}
              {item.firstComment && (
                <p className="preview-comment">
                  <span className="muted">{t('composer.firstCommentPrefix')}</span> {item.firstComment}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {feed.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={feed.isFetchingNextPage}
          onClick={() => void feed.fetchNextPage()}
        >
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
