// The approval rules on a locked post and what was read about it, shared by the single approval
// and the bulk one (which reads once for a whole batch): which revision, whose hands, how many
// approvals already, and whether this one makes the post approved.
import { conflict } from '../errors';
import type { ApprovalState } from './approval-state';
import { assertVersion, type PostRow } from './post-store';
import type { ApproveInput } from './schemas';
import { assertMayApprove, assertTransition, countApprovals, isApproved } from './workflow';

export interface ApprovalVerdict {
  /** Distinct approvals of the current revision once this one is counted. */
  count: number;
  required: number;
  approved: boolean;
}

export function judgeApproval(input: {
  row: PostRow;
  body: Pick<ApproveInput, 'contentRevision' | 'version'>;
  approverUserId: string | null;
  state: Pick<ApprovalState, 'required' | 'writerUserIds'>;
  /** The approvals of the post's current content revision. */
  approvals: readonly { userId: string; contentRevision: number }[];
}): ApprovalVerdict {
  const { row, body, approvals } = input;
  const { required, writerUserIds } = input.state;
  assertVersion(row, body.version);
  assertTransition(row.status, 'approve');
  if (body.contentRevision !== row.contentRevision) {
    throw conflict(
      'errors.posts.otherRevision',
      { approved: body.contentRevision, current: row.contentRevision },
      { currentContentRevision: row.contentRevision, currentVersion: row.version },
    );
  }
  assertMayApprove({ approverUserId: input.approverUserId, writerUserIds, required });
  if (
    row.status === 'approved' &&
    countApprovals(approvals, row.contentRevision, writerUserIds, required) >= required
  ) {
    throw conflict(
      'errors.posts.wrongStatus',
      { status: 'approved', action: 'approve' },
      { status: row.status, allowedFrom: ['in_review'] },
    );
  }
  if (approvals.some((a) => a.userId === input.approverUserId)) {
    throw conflict(
      'errors.posts.approvedTwice',
      {},
      { approvals: approvals.length, approvalsRequired: required },
    );
  }
  const count = countApprovals(
    [...approvals, { userId: input.approverUserId as string, contentRevision: row.contentRevision }],
    row.contentRevision,
    writerUserIds,
    required,
  );
  return { count, required, approved: isApproved(count, required) };
}
