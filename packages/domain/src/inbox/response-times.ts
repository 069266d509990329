// Response times recorded per item for the reports (issue 16, item 4): working minutes, in the
// workspace's days and hours as they are when the response or the resolution happens.
import { type Executor, workspaces } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { type WorkingSchedule, workingCutoff, workingMinutesBetween } from './working-hours';

export interface ResponseTarget {
  schedule: WorkingSchedule;
  /** Working minutes to a first response, or null when the workspace sets none. */
  targetMinutes: number | null;
}

export async function loadResponseTarget(db: Executor, workspaceId: string): Promise<ResponseTarget | null> {
  const [ws] = await db
    .select({
      timezone: workspaces.timezone,
      days: workspaces.workingDays,
      start: workspaces.workingHoursStart,
      end: workspaces.workingHoursEnd,
      targetMinutes: workspaces.firstResponseTargetMinutes,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!ws) return null;
  const { targetMinutes, ...schedule } = ws;
  return { schedule, targetMinutes };
}

/** Working minutes from when the item was written to `at`; null when the workspace is gone. */
export async function workingMinutesSince(
  db: Executor,
  workspaceId: string,
  since: Date,
  at: Date,
): Promise<number | null> {
  const target = await loadResponseTarget(db, workspaceId);
  return target ? workingMinutesBetween(since, at, target.schedule) : null;
}

/**
 * Items written at or before `cutoff`, still without a first response and not snoozed at `now`,
 * are past the workspace's target. A snooze hides the flag, it does not pause the clock
 * (decision 0270): when the snooze ends the item is late again if its author has waited too long.
 */
export interface PastTargetCutoff {
  cutoff: Date;
  now: Date;
}

/** The cutoff for this request; null when there is no target (or no working day to count in). */
export async function lateBefore(
  db: Executor,
  workspaceId: string,
  now: Date,
): Promise<PastTargetCutoff | null> {
  const target = await loadResponseTarget(db, workspaceId);
  if (!target?.targetMinutes) return null;
  const cutoff = workingCutoff(now, target.targetMinutes, target.schedule);
  return cutoff ? { cutoff, now } : null;
}
