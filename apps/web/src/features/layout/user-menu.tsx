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
  return (
    <Menu.Root>
      <Menu.Trigger className="rail-button" aria-label={t('userMenu.open', { name: session.user.name })}>
        <span className="avatar" aria-hidden="true">
          {session.user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="rail-button-text">
          <span>{session.user.name}</span>
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
