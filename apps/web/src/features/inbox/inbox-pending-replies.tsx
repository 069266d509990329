// Managers' worklist in the inbox header: "Replies to approve (N)" opens the list of replies
// waiting for them, oldest first, each a link to its conversation where they approve or send back.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePendingReplies } from './inbox-queries';

export function InboxPendingReplies({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const pending = usePendingReplies(workspaceId, true).data ?? [];
  if (pending.length === 0) return null;
  const linkTo = (itemId: string) => {
    const next = new URLSearchParams(params);
    next.set('item', itemId);
    return `/inbox?${next}`;
  };
  return (
    <details className="inbox-pending">
      <summary>{t('inbox.approval.pendingTitle', { count: pending.length })}</summary>
      <ul>
        {pending.map((r) => (
          <li key={r.id}>
            <Link to={linkTo(r.item.id)}>
              <strong>{r.authorName ?? t('inbox.someone')}</strong>
              {' → @'}
              {r.item.authorHandle}
              <span className="muted inbox-pending-text">{r.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
