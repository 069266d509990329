import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/states';
import { NavLink, Outlet } from 'react-router';

export function SettingsLayout() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('nav.settings')}</h1>
      <nav className="tabs" aria-label={t('settings.sections')}>
        <NavLink to="/settings/workspace" className="tab">
          {t('workspaceSettings.tab')}
        </NavLink>
        <NavLink to="/settings/members" className="tab">
          {t('members.title')}
        </NavLink>
        <NavLink to="/settings/api-tokens" className="tab">
          {t('tokens.title')}
        </NavLink>
        <NavLink to="/settings/calendar-feeds" className="tab">
          {t('ics.title')}
        </NavLink>
        <NavLink to="/settings/notifications" className="tab">
          {t('notifications.preferences.title')}
        </NavLink>
        <NavLink to="/settings/webhooks" className="tab">
          {t('webhooks.tab')}
        </NavLink>
        <NavLink to="/settings/profile" className="tab">
          {t('profile.tab')}
        </NavLink>
      </nav>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </section>
  );
}
