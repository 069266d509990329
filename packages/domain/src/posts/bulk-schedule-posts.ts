// Bulk schedule, set-based (issue 18): up to 500 posts in one transaction that reads the batch's
// posts, targets, approvals, charter and counted calendar in a few queries, judges every item in
// memory with the single schedule's own rules (in item order, each seeing the earlier items as a
// later single call would), and writes the accepted ones in chunks of set-based statements. An item
// refused for any reason is reported at its index with the answer its own call would have had.
import type { Actor } from '../accounts/actor';
import { loadCharterForCheck } from '../charter/charter-use-cases';
import { notFound } from '../errors';
import { loadApprovalStates } from './approval-state';
import { loadCampaignsRules, loadCountedCalendar } from './batch-calendar';
import { type PlannedSchedule, writeSchedules } from './apply-schedule';
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
import { assertNoBlocking, countsOthers, judgeStoredPost } from './post-charter';
import { type PostEvent, recordPostEvents } from './post-events';
import { assertNotInFlight, assertVersion, loadTargets, lockPosts, type TargetRow } from './post-store';
import { currentApprovalsOf } from './post-view';
import { resolveScheduleTime, type ScheduleTime } from './schedule-time';
import { plannedSendLimits } from './send-limit-warnings';
import { type ScheduleInput, scheduleSchema } from './schemas';
import { assertSchedulable, countApprovals } from './workflow';

type Wanted = WantedItem<ScheduleInput>;

export async function bulkSchedulePosts(
  deps: PostDeps & { onUnexpected?: (index: number, err: unknown) => void },
  actor: Actor,
  items: readonly unknown[],
): Promise<BulkItemOutcome[]> {
  const { wanted, outcomes } = readBulkItems(
    items,
    scheduleSchema,
    actor.role,
    'schedule',
    deps.onUnexpected,
  );
  if (wanted.length === 0) return outcomes;

  await inTransaction(deps.db, async (tx) => {
    const current = await lockPosts(
      tx,
      actor.workspaceId,
      wanted.map((w) => w.postId),
    );
    const rows = [...current.values()];
    const approvalStates = await loadApprovalStates(tx, actor.workspaceId, rows);
    const approvals = await currentApprovalsOf(tx, rows);
    const targetsOf = new Map<string, TargetRow[]>();
    for (const t of await loadTargets(tx, [...current.keys()])) {
      targetsOf.set(t.postId, [...(targetsOf.get(t.postId) ?? []), t]);
    }
    // Read the clock after the locks: a long wait must not let a past time through.
    const now = deps.clock();
    const times = new Map<number, ScheduleTime | unknown>();
    for (const w of wanted) {
      try {
        times.set(w.index, resolveScheduleTime(w.input, actor.workspaceTimezone, now));
      } catch (err) {
        times.set(w.index, err);
      }
    }
    const instants = [...times.values()].flatMap((t) => (isTime(t) ? [t.at] : []));
    const charter = await loadCharterForCheck(tx, actor.workspaceId);
    const campaignOf = await loadCampaignsRules(
      tx,
      actor.workspaceId,
      rows.map((r) => r.campaignId),
    );
    const counted = wanted.filter(
      (w) => isTime(times.get(w.index)) && countsOthers(charter.rules, targetsOf.get(w.postId) ?? []),
    );
    const calendar = await loadCountedCalendar(
      tx,
      actor,
      counted.flatMap((w) => (targetsOf.get(w.postId) ?? []).map((t) => t.channelId)),
      counted.map((w) => (times.get(w.index) as ScheduleTime).at),
    );
    const sendLimits = await plannedSendLimits(tx, {
      workspaceId: actor.workspaceId,
      channelIds: [...targetsOf.values()].flat().map((t) => t.channelId),
      instants,
    });

    const plans: (PlannedSchedule & Wanted & { event: PostEvent })[] = [];
    for (const [turn, w] of wanted.entries()) {
      if (turn > 0 && turn % JUDGED_PER_TURN === 0) await yieldToOthers();
      try {
        const row = current.get(w.postId);
        if (!row) throw notFound('post');
        assertVersion(row, w.input.version);
        const { required, writerUserIds } = approvalStates.get(row.id) as {
          required: number;
          writerUserIds: string[];
        };
        const count = countApprovals(
          approvals.get(row.id) ?? [],
          row.contentRevision,
          writerUserIds,
          required,
        );
        assertSchedulable(row.status, required, count);
        const targets = targetsOf.get(row.id) ?? [];
        assertNotInFlight(targets);
        const time = times.get(w.index);
        if (!isTime(time)) throw time;
        const outcome = judgeStoredPost({
          actor,
          charter,
          campaign: campaignOf(row.campaignId),
          post: row,
          targets,
          scheduledAt: time.at,
          otherPosts: countsOthers(charter.rules, targets)
            ? calendar.around(
                targets.map((t) => t.channelId),
                time.at,
              )
            : [],
        });
        assertNoBlocking(outcome, 'this time');
        calendar.place(row.id, targets, time.at);
        sendLimits.place(targets, time.at);
        const warnings = await sendLimits.warnings(
          targets.map((t) => t.channelId),
          time.at,
        );
        const event: PostEvent = {
          postId: row.id,
          action: 'scheduled',
          from: row.status,
          to: 'scheduled',
          details: {
            at: time.at.toISOString(),
            timezone: time.timezone,
            local: time.local,
            publishNow: w.input.publishNow === true,
          },
        };
        plans.push({ ...w, row, time, violations: outcome.violations, event });
        // A later item naming the same post sees it scheduled, as its own later call would.
        current.set(row.id, { ...row, status: 'scheduled', version: row.version + 1, scheduledAt: time.at });
        outcomes[w.index] = bulkSuccess(w.index, {
          id: row.id,
          status: 'scheduled',
          version: row.version + 1,
          scheduledAt: time.at,
          ...(warnings.length > 0 ? { sendLimitWarnings: warnings } : {}),
        });
      } catch (err) {
        outcomes[w.index] = bulkFailure(w.index, w.postId, err, deps.onUnexpected);
      }
    }

    for (let i = 0; i < plans.length; i += WRITTEN_PER_CHUNK) {
      const chunk = plans.slice(i, i + WRITTEN_PER_CHUNK);
      await writeSchedules(tx, chunk, now);
      await recordPostEvents(
        tx,
        actor,
        chunk.map((p) => p.event),
      );
      await yieldToOthers();
    }
  });
  return outcomes;
}

function isTime(value: unknown): value is ScheduleTime {
  return typeof value === 'object' && value !== null && (value as ScheduleTime).at instanceof Date;
}
