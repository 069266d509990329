// The editorial workflow as pure rules: which role may do what, from which status, and when a post
// counts as approved. Use cases call these inside their transaction, after locking the post, so
// the rules are enforced on the server whatever the caller (route, bulk import, CSV) is.
import type { Role } from '../accounts/roles';
import { roleAtLeast } from '../accounts/roles';
import { conflict, forbidden, sayError } from '../errors';
import type { PostStatus } from './schemas';

export type PostAction =
  | 'create'
  | 'edit'
  | 'submit'
  | 'approve'
  | 'request_changes'
  | 'schedule'
  | 'reschedule'
  | 'unschedule'
  | 'cancel'
  | 'comment'
  | 'read';

/** Editors write and submit; managers decide and schedule; viewers read and comment. */
export const MIN_ROLE: Record<PostAction, Role> = {
  create: 'editor',
  edit: 'editor',
  submit: 'editor',
  approve: 'manager',
  request_changes: 'manager',
  schedule: 'manager',
  reschedule: 'manager',
  unschedule: 'manager',
  cancel: 'manager',
  comment: 'viewer',
  read: 'viewer',
};

// Statuses before publishing starts: the post is still the team's to change or stop.
const OPEN: readonly PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'];

/** Where each action may start from. Schedule from a draft depends on the policy (see below). */
export const ALLOWED_FROM: Record<
  Exclude<PostAction, 'create' | 'comment' | 'read'>,
  readonly PostStatus[]
> = {
  edit: OPEN,
  submit: ['draft', 'changes_requested'],
  // From approved only when the policy was tightened since and the approvals no longer suffice.
  approve: ['in_review', 'approved'],
  request_changes: ['in_review'],
  schedule: ['approved', 'draft', 'in_review'],
  reschedule: ['scheduled'],
  unschedule: ['scheduled'],
  cancel: OPEN,
};

export function assertRole(role: Role, action: PostAction): void {
  const minimum = MIN_ROLE[action];
  if (!roleAtLeast(role, minimum)) {
    throw forbidden('errors.auth.roleTooLow', { requiredRole: minimum, role, action });
  }
}

export function assertTransition(status: PostStatus, action: keyof typeof ALLOWED_FROM): void {
  const allowed = ALLOWED_FROM[action];
  if (!allowed.includes(status)) {
    throw conflict(
      'errors.posts.wrongStatus',
      { status, action },
      {
        status,
        allowedFrom: allowed,
      },
    );
  }
}

/**
 * Scheduling is allowed when nobody needs to approve the post, or when enough distinct people
 * (none of its writers) approved its current content. Counting, not trusting the "approved"
 * status, keeps a policy tightened since (or a post unscheduled back to approved without any
 * approval) from slipping through.
 */
export function assertSchedulable(status: PostStatus, required: number, approvals: number): void {
  assertTransition(status, 'schedule');
  if (required > 0 && (status !== 'approved' || approvals < required)) {
    throw conflict(
      'errors.posts.needsApproval',
      { count: required },
      { status, approvalsRequired: required, reason: 'needs_approval' },
    );
  }
}

/**
 * Approvals come from people, and when the policy asks for any, from someone who wrote none of the
 * current content (four eyes): neither the author, nor a person who edited it, nor the creator of a
 * token that wrote it.
 */
export function assertMayApprove(input: {
  approverUserId: string | null;
  writerUserIds: readonly string[];
  required: number;
}): void {
  if (input.approverUserId === null) throw sayError('forbidden', 'errors.workflow.tokensCannotApprove');
  if (input.required > 0 && input.writerUserIds.includes(input.approverUserId)) {
    throw sayError('forbidden', 'errors.workflow.ownContent', {}, { reason: 'own_content' });
  }
}

/** Distinct approvers of the current content revision: older approvals, and writers', count for nothing. */
export function countApprovals(
  approvals: readonly { userId: string; contentRevision: number }[],
  contentRevision: number,
  writerUserIds: readonly string[],
  required: number,
): number {
  const approvers = new Set(
    approvals
      .filter((a) => a.contentRevision === contentRevision)
      .filter((a) => required === 0 || !writerUserIds.includes(a.userId))
      .map((a) => a.userId),
  );
  return approvers.size;
}

export const isApproved = (count: number, required: number) => count >= required && count > 0;

/** Editing content after a decision sends the post back to review: the decision was about other content. */
export function statusAfterEdit(status: PostStatus, contentChanged: boolean): PostStatus {
  if (!contentChanged) return status;
  return status === 'approved' || status === 'scheduled' ? 'in_review' : status;
}
