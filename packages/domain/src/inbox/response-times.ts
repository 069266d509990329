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
 * Items written at or before this instant and still without a first response are past the
 * workspace's target; null when there is no target (or no working day to count in).
 */
export async function lateBefore(db: Executor, workspaceId: string, now: Date): Promise<Date | null> {
  const target = await loadResponseTarget(db, workspaceId);
  if (!target?.targetMinutes) return null;
  return workingCutoff(now, target.targetMinutes, target.schedule);
}
