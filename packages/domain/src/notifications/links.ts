import type { NotificationKind } from '@cadence/names';

/** Where a notification leads: the post page (at the failing network), the channels, the members. */
export function notificationPath(n: {
  kind: NotificationKind;
  postId: string | null;
  channelId: string | null;
  params?: Record<string, string | number | null> | null;
}): string {
  // An inbox item: the inbox opens on it (the web app reads ?item=).
  if (n.kind.startsWith('inbox_')) {
    const item = n.params?.itemId;
    return typeof item === 'string' ? `/inbox?item=${encodeURIComponent(item)}` : '/inbox';
  }
  if (n.postId) {
    if (n.kind === 'post_submitted') return `/review/${n.postId}`;
    return `/posts/${n.postId}${n.channelId ? `?channel=${n.channelId}` : ''}`;
  }
  switch (n.kind) {
    case 'channel_reconnect':
    case 'token_expiring':
    case 'publisher_stalled':
      return '/channels';
    case 'webhook_disabled':
      return '/settings/webhooks';
    default:
      return '/settings/notifications';
  }
}

export const PREFERENCES_PATH = '/settings/notifications';

/**
 * The origin that links in emails use: PUBLIC_URL, else the address Cadence listens on. Never the
 * request's Host header: anyone could ask for a password reset with a forged Host and have the
 * victim's secret link point at their own server.
 */
export function emailOrigin(config: { publicUrl?: string | undefined; host: string; port: number }): string {
  return (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '');
}
