// Bulk approve, set-based (issue 18, as bulk schedule in decision 0250): up to 500 posts in one
// transaction that reads the batch's posts, approval states, approvals, targets, charter and
// campaigns in a few queries, judges every item in memory with the single approval's own rules (in
// item order, each seeing the earlier items as a later single call would), then the requested
// times of the posts it approved, and writes in chunks of set-based statements. An item refused
// for any reason is reported at its index with the answer its own call would have had.
import type { Actor } from '../accounts/actor';
import { loadCharterForCheck } from '../charter/charter-use-cases';
import { notFound } from '../errors';
import { loadApprovalStates } from './approval-state';
import { loadCampaignsRules } from './batch-calendar';
import {
  bulkFailure,
  type BulkItemOutcome,
  bulkSuccess,
  readBulkItems,
  type WantedItem,
  JUDGED_PER_TURN,
  WRITTEN_PER_CHUNK,
  yieldToOthers,
} from './bulk-transition';
import { inTransaction, type PostDeps } from './deps';
import { judgeApproval } from './judge-approval';
import { assertNoBlocking, judgeStoredPost } from './post-charter';
import { type PostEvent, recordPostEvents } from './post-events';
import { loadTargets, lockPosts, type PostRow, type TargetRow } from './post-store';
import { currentApprovalsOf } from './post-view';
import { type ScheduleOnApproval, scheduleOnApproval } from './schedule-on-approval';
import { type ApproveInput, approveSchema } from './schemas';
import { type PlannedApproval, writeApprovals } from './write-approvals';

type Wanted = WantedItem<ApproveInput>;

export async function bulkApprovePosts(
  deps: PostDeps & { onUnexpected?: (index: number, err: unknown) => void },
  actor: Actor,
  items: readonly unknown[],
): Promise<BulkItemOutcome[]> {
  const { wanted, outcomes } = readBulkItems(items, approveSchema, actor.role, 'approve', deps.onUnexpected);
  if (wanted.length === 0) return outcomes;

  await inTransaction(deps.db, async (tx) => {
    const current = await lockPosts(
      tx,
      actor.workspaceId,
      wanted.map((w) => w.postId),
    );
    const rows = [...current.values()];
    const states = await loadApprovalStates(tx, actor.workspaceId, rows);
    const approvalsOf = await currentApprovalsOf(tx, rows);
    const targetsOf = new Map<string, TargetRow[]>();
    for (const t of await loadTargets(tx, [...current.keys()])) {
      targetsOf.set(t.postId, [...(targetsOf.get(t.postId) ?? []), t]);
    }
    const charter = await loadCharterForCheck(tx, actor.workspaceId);
    const campaignOf = await loadCampaignsRules(
      tx,
      actor.workspaceId,
      rows.map((r) => r.campaignId),
    );
    // Read the clock after the locks: a long wait must not let a past requested time through.
    const now = deps.clock();

    const plans: (PlannedApproval & Wanted & { event: PostEvent; saved: PostRow })[] = [];
    for (const [turn, w] of wanted.entries()) {
      if (turn > 0 && turn % JUDGED_PER_TURN === 0) await yieldToOthers();
      try {
        const row = current.get(w.postId);
        if (!row) throw notFound('post');
        const state = states.get(row.id) as NonNullable<ReturnType<typeof states.get>>;
        const approvals = approvalsOf.get(row.id) ?? [];
        const verdict = judgeApproval({ row, body: w.input, approverUserId: actor.userId, state, approvals });
        // The content must pass now; the requested time is judged afterwards, as the single call does.
        const content = judgeStoredPost({
          actor,
          charter,
          campaign: campaignOf(row.campaignId),
          post: row,
          targets: targetsOf.get(row.id) ?? [],
          scheduledAt: null,
          otherPosts: [],
        });
        assertNoBlocking(content, 'approving this post');
        const approverUserId = actor.userId as string;
        const saved: PostRow = {
          ...row,
          violations: content.violations,
          charterVersionId: content.charterVersionId,
          ...(verdict.approved ? { status: 'approved' as const, approvedAt: now } : {}),
          version: row.version + 1,
          updatedAt: now,
        };
        const event: PostEvent = {
          postId: row.id,
          action: 'approved',
          from: row.status,
          to: saved.status,
          comment: w.input.comment,
          details: {
            contentRevision: row.contentRevision,
            charterVersionId: content.charterVersionId,
            approvals: verdict.count,
            approvalsRequired: verdict.required,
          },
        };
        plans.push({ ...w, row, approverUserId, ...content, approved: verdict.approved, event, saved });
        // A later item naming the same post sees this approval, as its own later call would.
        current.set(row.id, saved);
        approvalsOf.set(row.id, [
          ...approvals,
          {
            userId: approverUserId,
            contentRevision: row.contentRevision,
            charterVersionId: null,
            createdAt: now,
          },
        ]);
      } catch (err) {
        outcomes[w.index] = bulkFailure(w.index, w.postId, err, deps.onUnexpected);
      }
    }

    // Posts now approved with a time already requested go onto it, in item order.
    const timed = await scheduleOnApproval(tx, {
      actor,
      charter,
      campaignOf,
      targetsOf,
      now,
      posts: plans.filter((p) => p.approved).map((p) => p.saved),
    });
    for (const p of plans) {
      const final = timed.scheduled.get(p.row.id)?.post ?? p.saved;
      outcomes[p.index] = bulkSuccess(p.index, {
        id: final.id,
        status: final.status,
        version: final.version,
        scheduledAt: final.scheduledTimezone && final.scheduledLocal ? final.scheduledAt : null,
      });
    }

    for (let i = 0; i < plans.length; i += WRITTEN_PER_CHUNK) {
      const chunk = plans.slice(i, i + WRITTEN_PER_CHUNK);
      await writeApprovals(tx, chunk, now);
      await timed.write(
        chunk.map((p) => p.row.id),
        now,
      );
      await recordPostEvents(
        tx,
        actor,
        chunk.flatMap((p) => [p.event, ...eventsOf(timed, p.row.id)]),
      );
      await yieldToOthers();
    }
  });
  return outcomes;
}

const eventsOf = (timed: ScheduleOnApproval, postId: string): PostEvent[] => {
  const e = timed.events.get(postId);
  return e ? [e] : [];
};
