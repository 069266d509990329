// Puts a post and all its targets on a time, after the charter agrees with it: caps, spacing,
// windows and blackouts are checked against the other committed posts of the same channels.
import type { Executor } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { type CharterOutcome, checkStoredPost } from './post-charter';
import { lockChannels, type PostRow, savePost, type TargetRow } from './post-store';
import * as targetLedger from '../publishing/target-ledger';
import type { ScheduleTime } from './schedule-time';

export type ScheduleOutcome =
  | { scheduled: true; post: PostRow; outcome: CharterOutcome }
  | { scheduled: false; post: PostRow; outcome: CharterOutcome };

export async function applySchedule(
  tx: Executor,
  actor: Actor,
  row: PostRow,
  targets: readonly TargetRow[],
  time: ScheduleTime,
  now: Date,
): Promise<ScheduleOutcome> {
  // Two schedules on one channel that count each other's posts (caps, spacing) queue on the
  // channel's row; without such a rule they need not wait for each other.
  const outcome = await checkStoredPost(tx, actor, row, targets, time.at, () =>
    lockChannels(
      tx,
      actor.workspaceId,
      targets.map((t) => t.channelId),
    ),
  );
  if (outcome.blocking) return { scheduled: false, post: row, outcome };
  const post = await savePost(
    tx,
    row,
    {
      status: 'scheduled',
      scheduledAt: time.at,
      scheduledTimezone: time.timezone,
      scheduledLocal: time.local,
      violations: outcome.violations,
    },
    now,
  );
  await targetLedger.reschedule(tx, row.id, time.at, now);
  return { scheduled: true, post, outcome };
}

/** Takes the targets off the calendar (back to pending); the post's own time is the caller's business. */
export async function unscheduleTargets(tx: Executor, postId: string, now: Date): Promise<void> {
  await targetLedger.unschedule(tx, postId, now);
}
