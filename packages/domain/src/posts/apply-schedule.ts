// Puts a post and all its targets on a time, after the charter agrees with it: caps, spacing,
// windows and blackouts are checked against the other committed posts of the same channels.
import type { Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';
import type { Violation } from '../charter/schemas';
import { sayError } from '../errors';
import type { Actor } from '../accounts/actor';
import { type CharterOutcome, checkStoredPost } from './post-charter';
import { lockChannels, type PostRow, type TargetRow } from './post-store';
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
  const [post] = await writeSchedules(tx, [{ row, time, violations: outcome.violations }], now);
  return { scheduled: true, post: post as PostRow, outcome };
}

export interface PlannedSchedule {
  row: PostRow;
  time: ScheduleTime;
  violations: Violation[];
}

/**
 * Writes posts onto their times (status, time, the charter's verdict, version bumped only if
 * nobody else bumped it) and moves their targets through the ledger: two statements whatever the
 * number of posts, so a bulk schedule writes its batch in chunks instead of one post at a time.
 * Returns the rows as stored.
 */
export async function writeSchedules(
  tx: Executor,
  plans: readonly PlannedSchedule[],
  now: Date,
): Promise<PostRow[]> {
  if (plans.length === 0) return [];
  const json = JSON.stringify(
    plans.map((p) => ({
      id: p.row.id,
      version: p.row.version,
      at: p.time.at.toISOString(),
      timezone: p.time.timezone,
      local: p.time.local,
      violations: p.violations,
    })),
  );
  const result = await tx.execute(sql`
    UPDATE posts AS p SET
      status = 'scheduled',
      scheduled_at = v.at,
      scheduled_timezone = v.timezone,
      scheduled_local = v.local,
      violations = v.violations,
      version = p.version + 1,
      updated_at = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json}::jsonb) AS v(
      id uuid, version integer, at timestamptz, timezone text, local text, violations jsonb)
    WHERE p.id = v.id AND p.version = v.version
      AND p.id = ANY(${targetLedger.uuidList(plans.map((p) => p.row.id))})
    RETURNING p.id`);
  const saved = new Set(targetLedger.rowsOf<{ id: string }>(result).map((r) => r.id));
  const lost = plans.find((p) => !saved.has(p.row.id));
  if (lost) throw sayError('conflict', 'errors.workflow.changedWhileSaving', {}, { postId: lost.row.id });
  await targetLedger.rescheduleMany(
    tx,
    plans.map((p) => ({ postId: p.row.id, at: p.time.at })),
    now,
  );
  return plans.map((p) => ({
    ...p.row,
    status: 'scheduled',
    scheduledAt: p.time.at,
    scheduledTimezone: p.time.timezone,
    scheduledLocal: p.time.local,
    violations: p.violations,
    version: p.row.version + 1,
    updatedAt: now,
  }));
}

/** Takes the targets off the calendar (back to pending); the post's own time is the caller's business. */
export async function unscheduleTargets(tx: Executor, postId: string, now: Date): Promise<void> {
  await targetLedger.unschedule(tx, postId, now);
}
