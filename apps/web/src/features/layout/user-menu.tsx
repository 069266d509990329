import * as Menu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentWorkspace } from '../session/current-workspace';
import { useLogout } from '../session/session-queries';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, workspace } = useCurrentWorkspace();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  const [before = '', after = ''] = t('userMenu.open', { name: '\u0000' }).split('\u0000');
  return (
    <Menu.Root>
      {/* The name comes from what the button shows, framed by words only a screen reader reads, so
          the visible text is part of it (WCAG 2.5.3). The initial is drawn by CSS for the same reason. */}
      <Menu.Trigger className="rail-button">
        <span
          className="avatar"
          data-initial={session.user.name.slice(0, 1).toUpperCase()}
          aria-hidden="true"
        />
        <span className="rail-button-text">
          <span>
            <span className="visually-hidden">{before}</span>
            {session.user.name}
            <span className="visually-hidden">{after}</span>
          </span>
          <span className="muted">{t(`roles.${workspace.role}`)}</span>
        </span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" side="right" align="end" sideOffset={6}>
          <Menu.Label className="menu-label">{session.user.email}</Menu.Label>
          <Menu.Separator className="menu-separator" />
          <Menu.Item className="menu-item" onSelect={() => void navigate('/settings/profile')}>
            {t('userMenu.profile')}
          </Menu.Item>
          <Menu.Item className="menu-item" onSelect={signOut}>
            {t('userMenu.signOut')}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
