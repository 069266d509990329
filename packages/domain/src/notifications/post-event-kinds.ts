import type { NotificationKind } from '@cadence/names';

/**
 * Which post history entries someone must hear about. An approval that still waits for a second
 * manager tells nobody yet; cancelling a post under review is its rejection. A schedule the approval
 * itself applied (the time asked for at submission) is part of that approval's news: one
 * notification, whose link shows the time, not two in the same second.
 */
export function notificationKindOfPostEvent(event: {
  action: string;
  from: string | null;
  to: string | null;
  details?: Record<string, unknown> | undefined;
}): NotificationKind | null {
  switch (event.action) {
    case 'submitted':
      return 'post_submitted';
    case 'changes_requested':
      return 'changes_requested';
    case 'approved':
      return event.to === 'approved' ? 'post_approved' : null;
    case 'scheduled':
    case 'rescheduled':
      return event.details?.trigger === 'approval' ? null : 'post_scheduled';
    case 'cancelled':
      return event.from === 'in_review' || event.from === 'changes_requested' ? 'post_rejected' : null;
    default:
      return null;
  }
}
