import type { NotificationKind } from '@cadence/names';

/** Where a notification leads: the post page (at the failing network), the channels, the members. */
export function notificationPath(n: {
  kind: NotificationKind;
  postId: string | null;
  channelId: string | null;
}): string {
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
