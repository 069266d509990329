// One item's conversation: our original post on top, the thread in order (the item marked, with
// its like toggle and hide button; any message hidden under our post says so), the replies sent
// from Cadence, then triage and notes. Everything from the network is shown as text.
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../ui/roles';
import { useCurrentWorkspace } from '../session/current-workspace';
import { ErrorState, Loading } from '../../ui/states';
import { formatTime } from '../../ui/time';
import type { Member } from '../settings/member-queries';
import { InboxAuthor } from './inbox-author';
import { InboxHide, shownAsHidden } from './inbox-hide';
import { InboxLike } from './inbox-like';
import { InboxNotes } from './inbox-notes';
import { InboxReplyBox } from './inbox-reply-box';
import { InboxReplyReview } from './inbox-reply-review';
import { safeHref } from './inbox-params';
import { useConversation } from './inbox-queries';
import { InboxTriage } from './inbox-triage';

interface Props {
  workspaceId: string;
  itemId: string;
  timeZone: string;
  members: Member[];
  channelNames: Map<string, string>;
  canTriage: boolean;
  onDone: () => void;
}

export function InboxConversation(props: Props) {
  const { workspaceId, itemId, timeZone, members, channelNames, canTriage, onDone } = props;
  const { t, i18n } = useTranslation();
  const conversation = useConversation(workspaceId, itemId);
  const { session, workspace } = useCurrentWorkspace();
  const isManager = roleAtLeast(workspace.role, 'manager');
  const memberNames = new Map(members.map((m) => [m.userId, m.name]));
  if (conversation.isPending) return <Loading />;
  if (conversation.isError)
    return <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />;
  const { item, thread, post, replies, notes } = conversation.data;
  const when = (iso: string) => formatTime(iso, i18n.language, timeZone);
  const postLink = safeHref(post?.externalUrl);
  const messages = thread.some((m) => m.id === item.id) ? thread : [...thread, item];
  return (
    <article className="inbox-conversation" aria-labelledby="inbox-conversation-title">
      <h2 id="inbox-conversation-title" className="visually-hidden">
        {t('inbox.conversationWith', { name: item.author.name || item.author.handle })}
      </h2>
      {post && (
        <section className="inbox-our-post" aria-label={t('inbox.ourPost')}>
          <p className="muted">
            {t('inbox.ourPost')}
            {post.publishedAt && ` · ${when(post.publishedAt)}`}
            {postLink && (
              <>
                {' · '}
                <a href={postLink} target="_blank" rel="noopener noreferrer nofollow">
                  {t('inbox.openOnNetwork')}
                </a>
              </>
            )}
          </p>
          <p className="inbox-message-text">{post.text}</p>
        </section>
      )}
      <ol className="inbox-thread" aria-label={t('inbox.thread')}>
        {messages.map((m) => {
          const link = safeHref(m.link);
          const hidden = shownAsHidden(m.hide);
          const classes = ['inbox-message', m.id === item.id && 'current', hidden && 'is-hidden'];
          return (
            <li key={m.id} className={classes.filter(Boolean).join(' ')}>
              <InboxAuthor item={m} channelName={channelNames.get(m.channelId)} />
              {hidden && <p className="inbox-hidden-badge">{t('inbox.hiddenBadge')}</p>}
              <p className="inbox-message-text" lang={m.language ?? undefined}>
                {m.text || t('inbox.noText')}
              </p>
              <p className="muted inbox-meta">
                <time dateTime={m.createdAt}>{when(m.createdAt)}</time> · {t(`inbox.kind.${m.kind}`)}
                {link && (
                  <>
                    {' · '}
                    <a href={link} target="_blank" rel="noopener noreferrer nofollow">
                      {t('inbox.openOnNetwork')}
                    </a>
                  </>
                )}
              </p>
              {m.id === item.id && (
                <>
                  <InboxLike workspaceId={workspaceId} item={item} canLike={canTriage} />
                  <InboxHide workspaceId={workspaceId} item={item} canHide={canTriage} />
                </>
              )}
            </li>
          );
        })}
        {replies.map((r) => {
          const link = safeHref(r.externalUrl);
          return (
            <li key={r.id} className={`inbox-message ours reply-${r.status}`}>
              <p className="muted">{t('inbox.ourReply')}</p>
              <p className="inbox-message-text">{r.text}</p>
              <p className="muted inbox-meta">
                {t(`inbox.replyStatus.${r.status}`)}
                {r.sentAt && ` · ${when(r.sentAt)}`}
                {link && (
                  <>
                    {' · '}
                    <a href={link} target="_blank" rel="noopener noreferrer nofollow">
                      {t('inbox.openOnNetwork')}
                    </a>
                  </>
                )}
              </p>
              {r.status === 'failed' && r.lastError && (
                <p className="form-error">{t('inbox.replyFailed', { reason: r.lastError })}</p>
              )}
              <InboxReplyReview
                workspaceId={workspaceId}
                reply={r}
                canReview={isManager && r.authorUserId !== session.user.id}
                memberNames={memberNames}
              />
            </li>
          );
        })}
      </ol>
      {canTriage && (
        <InboxReplyBox
          workspaceId={workspaceId}
          timeZone={timeZone}
          item={item}
          needsApproval={workspace.replyApproval && !isManager}
          returned={
            replies.filter((r) => r.status === 'returned' && r.authorUserId === session.user.id).at(-1)?.text
          }
        />
      )}
      <InboxTriage
        workspaceId={workspaceId}
        timeZone={timeZone}
        item={item}
        members={members}
        canTriage={canTriage}
        onDone={onDone}
      />
      <InboxNotes
        workspaceId={workspaceId}
        itemId={item.id}
        timeZone={timeZone}
        notes={notes}
        canWrite={canTriage}
      />
    </article>
  );
}
