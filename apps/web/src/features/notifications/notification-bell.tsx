// The bell in the rail: the unread count, and a popover listing the latest notifications with links
// to what they are about. Opening one marks it read; "Mark all read" clears the count.
import * as Popover from '@radix-ui/react-popover';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatRelative } from '../../ui/time';
import { useCurrentWorkspace } from '../session/current-workspace';
import { useMarkRead, useNotifications } from './notification-queries';
import './notifications.css';
import { notificationText } from './notification-text';

/** `side`: where the list opens (above the bell at the rail's bottom, below it in the phone bar). */
export function NotificationBell({ side }: { side: 'top' | 'bottom' }) {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const list = useNotifications(workspace.id);
  const markRead = useMarkRead(workspace.id);
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="rail-button bell-button" data-testid="notification-bell">
          <BellIcon /> {t('notifications.bell')}
          {unread > 0 && (
            <span className="rail-badge" data-testid="notification-count">
              <span aria-hidden="true">{unread}</span>
              <span className="visually-hidden">{t('notifications.bellUnread', { count: unread })}</span>
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="bell-panel"
          side={side}
          align={side === 'top' ? 'start' : 'end'}
          sideOffset={8}
          collisionPadding={8}
        >
          <div className="bell-head">
            <h2>{t('notifications.title')}</h2>
            <button
              type="button"
              className="link-button"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              {t('notifications.markAllRead')}
            </button>
          </div>
          {list.isError && <p role="alert">{t('notifications.loadError')}</p>}
          {list.data && list.data.items.length === 0 && (
            <p className="bell-empty">{t('notifications.empty')}</p>
          )}
          <ul className="bell-list" aria-live="polite">
            {list.data?.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item unread'}>
                <Popover.Close asChild>
                  <a
                    href={n.path}
                    onClick={(e) => {
                      e.preventDefault();
                      if (!n.readAt) markRead.mutate([n.id]);
                      void navigate(n.path);
                    }}
                  >
                    {!n.readAt && <span className="visually-hidden">{t('notifications.unread')} · </span>}
                    <span className="bell-text">{notificationText(t, n)}</span>
                    <time dateTime={n.createdAt} className="bell-time">
                      {formatRelative(n.createdAt, i18n.language)}
                    </time>
                  </a>
                </Popover.Close>
              </li>
            ))}
          </ul>
          <Popover.Close asChild>
            <Link to="/settings/notifications" className="bell-foot">
              {t('notifications.preferencesLink')}
            </Link>
          </Popover.Close>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
