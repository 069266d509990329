// Comments and history as one timeline, filtered All | Comments | History, with a box to comment.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, InlineError, Loading } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { historyText, mergeByTime, networkReason } from './history-text';
import { commentOnPost } from './post-actions';
import {
  type PostComment,
  type PostEvent,
  useRefreshPosts,
  usePostComments,
  usePostHistory,
} from './post-queries';
import { usePeople } from './use-people';

type Filter = 'all' | 'comments' | 'history';
type Entry =
  | { kind: 'comment'; at: string; item: PostComment }
  | { kind: 'event'; at: string; item: PostEvent };

interface PostConversationProps {
  workspaceId: string;
  postId: string;
  timeZone: string;
}

export function PostConversation({ workspaceId, postId, timeZone }: PostConversationProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const comments = usePostComments(workspaceId, postId);
  const history = usePostHistory(workspaceId, postId);
  const nameOf = usePeople(workspaceId);
  const refresh = useRefreshPosts(workspaceId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (!body.trim()) return;
    setSending(true);
    setError(null);
    try {
      await commentOnPost({ workspaceId, postId }, body.trim());
      setBody('');
      refresh();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const entries = mergeByTime<Entry>(
    filter !== 'history'
      ? (comments.data ?? []).map((c) => ({ kind: 'comment' as const, at: c.createdAt, item: c }))
      : [],
    filter !== 'comments'
      ? (history.data ?? []).map((e) => ({ kind: 'event' as const, at: e.createdAt, item: e }))
      : [],
  );

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t('post.timeline')}</h2>
      <fieldset className="button-group">
        <legend className="visually-hidden">{t('post.timelineFilter')}</legend>
        {(['all', 'comments', 'history'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className="btn btn-small"
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {t(`post.filter.${f}`)}
          </button>
        ))}
      </fieldset>
      {comments.isPending || history.isPending ? (
        <Loading />
      ) : comments.isError || history.isError ? (
        <ErrorState
          error={comments.error ?? history.error}
          onRetry={() => {
            void comments.refetch();
            void history.refetch();
          }}
        />
      ) : entries.length === 0 ? (
        <p className="muted">{t('post.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((e) =>
            e.kind === 'comment' ? (
              <li key={e.item.id} className="timeline-comment">
                <strong>{nameOf(e.item.author)}</strong>{' '}
                <time className="muted">{formatTime(e.at, i18n.language, timeZone)}</time>
                <p className="comment-body">{e.item.body}</p>
              </li>
            ) : (
              <li key={e.item.id} className="timeline-event">
                <span className="muted">
                  <time>{formatTime(e.at, i18n.language, timeZone)}</time> ·{' '}
                </span>
                {historyText(e.item, t, i18n.language, timeZone)}
                {networkReason(e.item, t) && (
                  <p className="muted history-reason">{networkReason(e.item, t)}</p>
                )}
                {e.item.comment && <p className="comment-body">{e.item.comment}</p>}
              </li>
            ),
          )}
        </ol>
      )}
      <form
        className="comment-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          void send();
        }}
      >
        <label htmlFor="comment-box">{t('post.addComment')}</label>
        <textarea id="comment-box" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        <InlineError error={error} />
        <button type="submit" className="btn" disabled={sending || !body.trim()}>
          {t('post.sendComment')}
        </button>
      </form>
    </section>
  );
}
