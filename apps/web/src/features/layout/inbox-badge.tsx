// The count on the rail's Inbox link: open items not snoozed (the API's `open` count), polled like
// the bell so a new mention shows without a reload.
import { useTranslation } from 'react-i18next';
import { useInboxCounts } from '../inbox/inbox-queries';
import { useCurrentWorkspace } from '../session/current-workspace';

export function InboxBadge() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const count = useInboxCounts(workspace.id).data?.open ?? 0;
  if (count === 0) return null;
  return (
    <span className="rail-badge" data-testid="inbox-badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('inbox.badge', { count })}</span>
    </span>
  );
}
