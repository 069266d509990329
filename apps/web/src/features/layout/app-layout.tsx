// The signed-in frame: a left rail (workspace, sections, then language and user at the bottom).
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/states';
import { NavLink, Outlet } from 'react-router';
import { useCurrentWorkspace } from '../session/current-workspace';
import { LanguageSwitch } from './language-switch';
import { NewPostLink } from './new-post-link';
import { PublisherBanner } from './publisher-banner';
import { ReviewBadge } from './review-badge';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

const SECTIONS = [
  { to: '/calendar', key: 'calendar', icon: '▦' },
  { to: '/review', key: 'review', icon: '✓' },
  { to: '/campaigns', key: 'campaigns', icon: '◆' },
  { to: '/charter', key: 'charter', icon: '§' },
  { to: '/channels', key: 'channels', icon: '◎' },
  { to: '/sandbox', key: 'sandbox', icon: '▤' },
  { to: '/settings', key: 'settings', icon: '⚙' },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const { session, workspace } = useCurrentWorkspace();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <nav className="rail" aria-label={t('nav.label')}>
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
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="rail-bottom">
          <LanguageSwitch userId={session.user.id} />
          <UserMenu />
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <PublisherBanner timeZone={workspace.timezone} />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
