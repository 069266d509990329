// "A channel needs reconnecting": shown on every screen but Channels while one does, because posts
// to it wait (the publisher holds them with that reason) and nobody should learn it at 7 a.m. from a
// failed post. Managers get the way to fix it; others are told who can.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { useChannels } from '../channels/channel-queries';
import { useCurrentWorkspace } from '../session/current-workspace';

export function ChannelsBanner() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const channels = useChannels(workspace.id);
  const { pathname } = useLocation();
  const broken = (channels.data ?? []).filter((c) => c.status === 'needs_reconnect');
  if (broken.length === 0 || pathname.startsWith('/channels')) return null;
  const names = broken.map((c) => c.displayName).join(', ');
  return (
    <p className="banner banner-warn" data-testid="reconnect-banner">
      <span aria-hidden="true">▲ </span>
      {t('channels.banner.text', { count: broken.length, names })}{' '}
      {roleAtLeast(workspace.role, 'manager') ? (
        <Link to="/channels">{t('channels.banner.fix', { count: broken.length })}</Link>
      ) : (
        t('channels.banner.askManager')
      )}
    </p>
  );
}
