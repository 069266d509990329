// Reads what the approval rules need about one post: the workspace's policy and everyone who wrote
// its content (author and every reviser, a token's work counting as its creator's), with their
// current roles. Approve, schedule and the post view all ask here, so they agree.
import { type Executor, memberships, postRevisions, workspaces } from '@cadence/db';
import { and, eq, inArray } from 'drizzle-orm';
import { notFound } from '../errors';
import { type ApprovalPolicy, approvalsRequired, type Contribution } from './approval-policy';
import type { PostRow } from './post-store';

export interface ApprovalState {
  policy: ApprovalPolicy;
  writers: Contribution[];
  /** People who wrote part of the current content: they cannot approve it. */
  writerUserIds: string[];
  required: number;
}

export async function loadPolicy(db: Executor, workspaceId: string): Promise<ApprovalPolicy> {
  const [row] = await db
    .select({ scope: workspaces.approvalScope, requiredApprovals: workspaces.requiredApprovals })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('workspace');
  return row;
}

type WrittenPost = Pick<PostRow, 'id' | 'workspaceId' | 'authorUserId' | 'authorTokenId'>;

export async function loadApprovalState(db: Executor, post: WrittenPost): Promise<ApprovalState> {
  const states = await loadApprovalStates(db, post.workspaceId, [post]);
  return states.get(post.id) as ApprovalState;
}

/** The same for many posts of one workspace, in three queries whatever their number (bulk steps). */
export async function loadApprovalStates(
  db: Executor,
  workspaceId: string,
  posts: readonly WrittenPost[],
): Promise<Map<string, ApprovalState>> {
  // Sequential: `db` may be a transaction, whose one client runs one query at a time.
  const policy = await loadPolicy(db, workspaceId);
  const revisions =
    posts.length === 0
      ? []
      : await db
          .selectDistinct({
            postId: postRevisions.postId,
            userId: postRevisions.createdByUserId,
            tokenId: postRevisions.createdByTokenId,
          })
          .from(postRevisions)
          .where(
            inArray(
              postRevisions.postId,
              posts.map((p) => p.id),
            ),
          );
  const handsOf = new Map<string, { userId: string | null; tokenId: string | null }[]>(
    posts.map((p) => [p.id, [{ userId: p.authorUserId, tokenId: p.authorTokenId }]]),
  );
  for (const r of revisions) handsOf.get(r.postId)?.push({ userId: r.userId, tokenId: r.tokenId });
  const everyone = [...new Set([...handsOf.values()].flat().flatMap((h) => (h.userId ? [h.userId] : [])))];
  const roles = new Map(
    everyone.length === 0
      ? []
      : (
          await db
            .select({ userId: memberships.userId, role: memberships.role })
            .from(memberships)
            .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, everyone)))
        ).map((m) => [m.userId, m.role] as const),
  );
  const states = new Map<string, ApprovalState>();
  for (const [postId, hands] of handsOf) {
    const userIds = [...new Set(hands.flatMap((h) => (h.userId ? [h.userId] : [])))];
    const writers: Contribution[] = hands.map((h) => ({
      userId: h.userId,
      role: h.userId ? (roles.get(h.userId) ?? null) : null,
      viaToken: h.tokenId !== null,
    }));
    states.set(postId, {
      policy,
      writers,
      writerUserIds: userIds,
      required: approvalsRequired(policy, writers),
    });
  }
  return states;
}
