// Which commands a person may run on a post, as pure rules shared by the server (which enforces
// them) and the web app (which offers only what the server would accept). Browser-safe.
import { type Role, roleAtLeast } from '../accounts/roles';
import type { PostStatus } from './schemas';

export type PostCommand =
  | 'edit'
  | 'propose_time'
  | 'schedule'
  | 'reschedule'
  | 'unschedule'
  | 'cancel'
  | 'delete'
  | 'duplicate';

export interface PostFacts {
  status: PostStatus;
  /** Targets' publishing statuses: a send under way or done changes what may happen. */
  targetStatuses: readonly string[];
  /** Distinct approvals the post needs before it can be scheduled (the post view says it). */
  approvalsRequired: number;
  /** The caller wrote it (as a person or through the token they use). */
  isAuthor: boolean;
}

const OPEN: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'];
// A time is only proposed before scheduling; once scheduled, moving it is a reschedule.
const PROPOSABLE: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved'];
// Never yet sent: an editor may throw away their own work in these.
const AUTHOR_DELETABLE: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested'];
const DELETABLE: readonly PostStatus[] = [...OPEN, 'cancelled', 'failed'];
// Something left (or may have left) for a network: the post is the record of it and stays.
const SENT_OR_SENDING = new Set(['claimed', 'sending', 'published', 'unknown']);

export function mayRun(role: Role, post: PostFacts, command: PostCommand): boolean {
  const inFlight = post.targetStatuses.some((s) => s === 'claimed' || s === 'sending');
  switch (command) {
    case 'edit':
      return roleAtLeast(role, 'editor') && OPEN.includes(post.status) && !inFlight;
    case 'propose_time':
      return roleAtLeast(role, 'editor') && PROPOSABLE.includes(post.status);
    case 'schedule':
      return (
        roleAtLeast(role, 'manager') &&
        (post.status === 'approved' ||
          ((post.status === 'draft' || post.status === 'in_review') && post.approvalsRequired === 0))
      );
    case 'reschedule':
    case 'unschedule':
      return roleAtLeast(role, 'manager') && post.status === 'scheduled' && !inFlight;
    case 'cancel':
      return roleAtLeast(role, 'manager') && OPEN.includes(post.status) && !inFlight;
    case 'delete':
      if (post.targetStatuses.some((s) => SENT_OR_SENDING.has(s))) return false;
      if (roleAtLeast(role, 'manager')) return DELETABLE.includes(post.status);
      return roleAtLeast(role, 'editor') && post.isAuthor && AUTHOR_DELETABLE.includes(post.status);
    case 'duplicate':
      return roleAtLeast(role, 'editor');
  }
}

/** Why a delete is refused, as a code the web app can translate and the API can explain. */
export function deleteRefusal(role: Role, post: PostFacts): 'sent' | 'role' | 'status' | null {
  if (mayRun(role, post, 'delete')) return null;
  if (post.targetStatuses.some((s) => SENT_OR_SENDING.has(s))) return 'sent';
  if (!roleAtLeast(role, 'editor') || (!roleAtLeast(role, 'manager') && !post.isAuthor)) return 'role';
  return 'status';
}
