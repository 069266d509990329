// What the workflow lets this person do with a post right now, judged with the server's own
// approval rules (@cadence/domain/posts/approval-policy), so no screen offers an action the server
// will refuse, and each can say why in the reader's language.
import { approvalsRequired, type ApprovalScope } from '@cadence/domain/posts/approval-policy';
import type { Role } from '../../ui/roles';
import type { Post, PostStatus } from './post-queries';

export type Gate =
  /** Schedule, add to the queue or publish now directly. */
  | { may: 'schedule' }
  /** Approve, and that approval is enough: then schedule. */
  | { may: 'approveAndSchedule' }
  /** Only send it for review (a draft that needs approval). */
  | { may: 'submit'; required: number }
  /** Nothing more from this person: they wrote part of it, or more approvals are needed. */
  | { may: 'wait'; reason: 'own_content' | 'more_approvals'; required: number };

interface Me {
  userId: string;
  role: Role;
}

interface Policy {
  approvalScope: ApprovalScope;
  requiredApprovals: number;
}

type PostFacts = Pick<Post, 'status' | 'approvalsRequired' | 'writerUserIds' | 'approvals'>;

/**
 * The post as it will be once saved: saving changed content makes me one of its writers (and an
 * approved or scheduled post goes back to review, as the server does).
 */
export function afterMySave(
  post: PostFacts | null,
  contentChanged: boolean,
  me: Me,
  policy: Policy,
): PostFacts & { status: PostStatus } {
  if (post && !contentChanged) return post;
  const mine = approvalsRequired(
    { scope: policy.approvalScope, requiredApprovals: policy.requiredApprovals },
    [{ userId: me.userId, role: me.role, viaToken: false }],
  );
  const writers = new Set([...(post?.writerUserIds ?? []), me.userId]);
  const status = post?.status ?? 'draft';
  return {
    status: status === 'approved' || status === 'scheduled' ? 'in_review' : status,
    approvalsRequired: Math.max(post?.approvalsRequired ?? 0, mine),
    writerUserIds: [...writers],
    approvals: [],
  };
}

/** For a manager or owner: what the post lets them do (editors only ever submit). */
export function gateFor(post: PostFacts & { status: PostStatus }, me: Me): Gate {
  const required = post.approvalsRequired;
  const others = post.approvals.filter((a) => a.userId !== me.userId).length;
  if (required === 0 || post.status === 'scheduled') return { may: 'schedule' };
  // Approved, unless the policy was tightened since: then it is approved again like a post in review.
  if (post.status === 'approved' && others >= required) return { may: 'schedule' };
  if (post.status !== 'in_review' && post.status !== 'approved') return { may: 'submit', required };
  if (post.writerUserIds.includes(me.userId)) return { may: 'wait', reason: 'own_content', required };
  return others + 1 >= required
    ? { may: 'approveAndSchedule' }
    : { may: 'wait', reason: 'more_approvals', required };
}

/** Whether this person may approve the post at all (the Approve button), and if not why. */
export function approveGate(post: PostFacts, me: Me): { ok: true } | { ok: false; reason: 'own_content' } {
  if (post.approvalsRequired > 0 && post.writerUserIds.includes(me.userId))
    return { ok: false, reason: 'own_content' };
  return { ok: true };
}
