import type { NotificationDelivery, NotificationKind } from '@cadence/names';

/**
 * What a member gets before choosing: by email too when someone has to act or something went
 * wrong; in the app only for news that needs nothing from them.
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  post_submitted: 'both',
  changes_requested: 'both',
  post_approved: 'in_app',
  post_scheduled: 'in_app',
  post_rejected: 'both',
  comment: 'in_app',
  mention: 'both',
  post_published: 'in_app',
  post_partly_published: 'both',
  post_failed: 'both',
  post_outcome_unknown: 'both',
  post_missed: 'both',
  channel_reconnect: 'both',
  token_expiring: 'both',
  publisher_stalled: 'both',
  role_changed: 'both',
  webhook_disabled: 'both',
  inbox_assigned: 'both',
  inbox_reply_submitted: 'both',
  inbox_reply_approved: 'in_app',
  inbox_reply_returned: 'both',
};

/** No storm: beyond this many instant emails to one person in the window, the rest wait for a digest. */
export const INSTANT_EMAIL_LIMIT = { count: 10, windowMs: 10 * 60_000 };

export const wantsInApp = (d: NotificationDelivery) => d === 'in_app' || d === 'both';
export const wantsEmail = (d: NotificationDelivery) => d === 'email' || d === 'both';
