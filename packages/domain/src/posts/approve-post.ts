import { postApprovals } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { applySchedule } from './apply-schedule';
import { type PostDeps, inTransaction } from './deps';
import { parseInput } from './parse-input';
import { assertNoBlocking, checkStoredPost } from './post-charter';
import { recordPostEvent } from './post-events';
import { loadApprovalState } from './approval-state';
import { judgeApproval } from './judge-approval';
import { loadTargets, lockPost, savePost } from './post-store';
import { currentApprovals, toPostView } from './post-view';
import { type ApproveInput, approveSchema, type PostView } from './schemas';
import { assertRole } from './workflow';

/**
 * Records one manager's approval of the content revision they read. When enough distinct managers
 * approved that revision the post is approved, and if a time was already requested for it, it is
 * scheduled there (unless the charter's schedule rules object: it then stays approved, and says why).
 */
export async function approvePost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: ApproveInput,
): Promise<PostView> {
  assertRole(actor.role, 'approve');
  const body = parseInput(approveSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    const state = await loadApprovalState(tx, row);
    const approvals = await currentApprovals(tx, row);
    const { count, required, approved } = judgeApproval({
      row,
      body,
      approverUserId: actor.userId,
      state,
      approvals,
    });

    const targets = await loadTargets(tx, [row.id]);
    // The content must pass now; the requested time is judged separately below.
    const content = await checkStoredPost(tx, actor, row, targets, null);
    assertNoBlocking(content, 'approving this post');

    await tx.insert(postApprovals).values({
      postId: row.id,
      userId: actor.userId as string,
      contentRevision: row.contentRevision,
      charterVersionId: content.charterVersionId,
    });
    const now = deps.clock();
    let saved = await savePost(
      tx,
      row,
      {
        violations: content.violations,
        charterVersionId: content.charterVersionId,
        ...(approved ? { status: 'approved', approvedAt: now } : {}),
      },
      now,
    );
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: 'approved',
      from: row.status,
      to: saved.status,
      comment: body.comment,
      details: {
        contentRevision: row.contentRevision,
        charterVersionId: content.charterVersionId,
        approvals: count,
        approvalsRequired: required,
      },
    });

    if (approved && saved.scheduledAt && saved.scheduledTimezone && saved.scheduledLocal) {
      const time = { at: saved.scheduledAt, timezone: saved.scheduledTimezone, local: saved.scheduledLocal };
      const result =
        time.at.getTime() > now.getTime() ? await applySchedule(tx, actor, saved, targets, time, now) : null;
      if (result?.scheduled) saved = result.post;
      await recordPostEvent(tx, actor, {
        postId: row.id,
        action: result?.scheduled ? 'scheduled' : 'schedule_not_applied',
        from: 'approved',
        to: saved.status,
        details: result?.scheduled
          ? { at: time.at.toISOString(), timezone: time.timezone, local: time.local, trigger: 'approval' }
          : {
              reason: result ? 'charter' : 'in_the_past',
              requested: time.at.toISOString(),
              violations: result?.outcome.violations.filter((v) => v.severity === 'block') ?? [],
            },
      });
    }
    return toPostView(tx, saved);
  });
}
