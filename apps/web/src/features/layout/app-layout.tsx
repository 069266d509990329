// The signed-in frame: a left rail (workspace, sections, then language and user at the bottom).
// On a phone the rail folds behind a menu button in a top bar (usePhoneMenu keeps focus right).
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Loading } from '../../ui/states';
import { useIsPhone } from '../../ui/use-media-query';
import { NotificationBell } from '../notifications/notification-bell';
import { useCurrentWorkspace } from '../session/current-workspace';
import { LanguageSwitch } from './language-switch';
import { NewPostLink } from './new-post-link';
import { PublisherBanner } from './publisher-banner';
import { InboxBadge } from './inbox-badge';
import { ReviewBadge } from './review-badge';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';
import { SendLimitNotices } from '../posts/send-limit-notices';
import { ChannelsBanner } from './channels-banner';

const SECTIONS = [
  { to: '/calendar', key: 'calendar', icon: '▦' },
  { to: '/review', key: 'review', icon: '✓' },
  { to: '/inbox', key: 'inbox', icon: '✉' },
  { to: '/campaigns', key: 'campaigns', icon: '◆' },
  { to: '/charter', key: 'charter', icon: '§' },
  { to: '/media', key: 'media', icon: '▣' },
  { to: '/channels', key: 'channels', icon: '◎' },
  { to: '/reports', key: 'reports', icon: '▥' },
  { to: '/sandbox', key: 'sandbox', icon: '▤' },
  { to: '/settings', key: 'settings', icon: '⚙' },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const { session, workspace } = useCurrentWorkspace();
  const isPhone = useIsPhone();
  const menu = usePhoneMenu(isPhone);
  const railHidden = isPhone && !menu.open;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      {isPhone && (
        <header className="phone-bar">
          <button
            ref={menu.buttonRef}
            type="button"
            className="btn phone-menu-button"
            aria-expanded={menu.open}
            aria-controls="main-nav"
            onClick={menu.toggle}
          >
            <span aria-hidden="true">{menu.open ? '✕' : '☰'}</span> {t('nav.menu')}
          </button>
          <span className="phone-bar-title">{workspace.name}</span>
          <NotificationBell side="bottom" />
        </header>
      )}
      <nav
        id="main-nav"
        ref={menu.navRef}
        className={isPhone ? 'rail rail-phone' : 'rail'}
        aria-label={t('nav.label')}
        hidden={railHidden}
        onKeyDown={menu.onKeyDown}
      >
        <WorkspaceSwitcher />
        <NewPostLink />
        <ul className="rail-sections">
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <NavLink to={s.to} className="rail-link">
                <span className="rail-icon" aria-hidden="true">
                  {s.icon}
                </span>
                {t(`nav.${s.key}`)}
                {s.key === 'review' && <ReviewBadge />}
                {s.key === 'inbox' && <InboxBadge />}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="rail-bottom">
          {!isPhone && <NotificationBell side="top" />}
          <LanguageSwitch userId={session.user.id} />
          <UserMenu />
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <PublisherBanner timeZone={workspace.timezone} />
        <ChannelsBanner />
        <SendLimitNotices workspaceId={workspace.id} />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

/** The phone menu: opening moves focus into it, Escape closes and gives focus back to the button,
 * and following a link closes it (the new page is what the person asked to see). */
function usePhoneMenu(isPhone: boolean) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const wasOpen = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new location is the trigger.
  useEffect(() => setOpen(false), [location.pathname, location.search, isPhone]);
  useEffect(() => {
    if (open && !wasOpen.current) navRef.current?.querySelector<HTMLElement>('a, button')?.focus();
    wasOpen.current = open;
  }, [open]);

  return {
    open,
    buttonRef,
    navRef,
    toggle: () => setOpen((o) => !o),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (!open || e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    },
  };
}
