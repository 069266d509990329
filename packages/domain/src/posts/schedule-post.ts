import type { Actor } from '../accounts/actor';
import { applySchedule } from './apply-schedule';
import { type PostDeps, inTransaction } from './deps';
import { parseInput } from './parse-input';
import { assertNoBlocking } from './post-charter';
import { recordPostEvent } from './post-events';
import { loadApprovalState } from './approval-state';
import { assertNotInFlight, assertVersion, loadTargets, lockPost } from './post-store';
import { currentApprovals, toPostView } from './post-view';
import { resolveScheduleTime } from './schedule-time';
import { sendLimitWarnings } from './send-limit-warnings';
import { type PostView, type ScheduleInput, scheduleSchema } from './schemas';
import { assertRole, assertSchedulable, assertTransition, countApprovals } from './workflow';

/**
 * Schedules an approved post (or, when nobody needs to approve it, a draft or a post in review)
 * at a wall-clock time in a zone, or now. A time in a DST gap or in the past is refused with 422,
 * and so is one the charter blocks (caps, spacing, windows, blackouts on the same channels).
 */
export async function schedulePost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: ScheduleInput,
): Promise<PostView> {
  assertRole(actor.role, 'schedule');
  return placeOnCalendar(deps, actor, postId, input, 'schedule');
}

/** Moves a scheduled post to another time (the calendar's drag and drop), under the same rules. */
export async function reschedulePost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: ScheduleInput,
): Promise<PostView> {
  assertRole(actor.role, 'reschedule');
  return placeOnCalendar(deps, actor, postId, input, 'reschedule');
}

async function placeOnCalendar(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: ScheduleInput,
  action: 'schedule' | 'reschedule',
): Promise<PostView> {
  const body = parseInput(scheduleSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    assertVersion(row, body.version);
    if (action === 'schedule') {
      const { required, writerUserIds } = await loadApprovalState(tx, row);
      const approvals = countApprovals(
        await currentApprovals(tx, row),
        row.contentRevision,
        writerUserIds,
        required,
      );
      assertSchedulable(row.status, required, approvals);
    } else {
      assertTransition(row.status, 'reschedule');
    }
    const targets = await loadTargets(tx, [row.id]);
    assertNotInFlight(targets);
    // Read the clock after the lock: a long wait must not let a past time through.
    const now = deps.clock();
    const time = resolveScheduleTime(body, actor.workspaceTimezone, now);
    const result = await applySchedule(tx, actor, row, targets, time, now);
    assertNoBlocking(result.outcome, 'this time');
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: action === 'schedule' ? 'scheduled' : 'rescheduled',
      from: row.status,
      to: 'scheduled',
      details: {
        at: time.at.toISOString(),
        timezone: time.timezone,
        local: time.local,
        publishNow: body.publishNow === true,
        ...(action === 'reschedule' ? { previousAt: row.scheduledAt?.toISOString() ?? null } : {}),
      },
    });
    const warnings = await sendLimitWarnings(tx, {
      workspaceId: actor.workspaceId,
      channelIds: targets.map((t) => t.channelId),
      at: time.at,
    });
    const view = await toPostView(tx, result.post);
    return warnings.length > 0 ? { ...view, sendLimitWarnings: warnings } : view;
  });
}
