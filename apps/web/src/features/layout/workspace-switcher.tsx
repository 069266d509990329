import * as Menu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../session/current-workspace';
import { NewWorkspaceDialog } from './new-workspace-dialog';

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const { session, workspace, selectWorkspace } = useCurrentWorkspace();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Menu.Root>
        <Menu.Trigger
          className="rail-button workspace-button"
          aria-label={t('workspace.switch', { name: workspace.name })}
        >
          <span className="workspace-name">{workspace.name}</span>
          <span aria-hidden="true">▾</span>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" side="bottom" align="start" sideOffset={4}>
            <Menu.Label className="menu-label">{t('workspace.label')}</Menu.Label>
            <Menu.RadioGroup
              value={workspace.id}
              // Every query key holds the workspace id, so nothing of the previous one can show.
              onValueChange={selectWorkspace}
            >
              {session.workspaces.map((w) => (
                <Menu.RadioItem key={w.id} value={w.id} className="menu-item">
                  <Menu.ItemIndicator className="menu-check">✓</Menu.ItemIndicator>
                  {w.name}
                  <span className="muted"> · {t(`roles.${w.role}`)}</span>
                </Menu.RadioItem>
              ))}
            </Menu.RadioGroup>
            <Menu.Separator className="menu-separator" />
            <Menu.Item className="menu-item" onSelect={() => setCreating(true)}>
              {t('workspace.create')}
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {creating && <NewWorkspaceDialog onClose={() => setCreating(false)} />}
    </>
  );
}
