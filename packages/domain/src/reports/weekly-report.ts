// The weekly report (issue 17, item 3): the last seven local days of one workspace, gathered from
// the same report use cases as the Reports screen (Plan kept, Workflow), for one reader. The email
// is rendered by notifications/weekly-report-email.ts and sent through the outbox.
import type { Executor } from '@cadence/db';
import type { Role } from '@cadence/names';
import { DateTime } from 'luxon';
import { planKeptReport } from './plan-kept';
import { workflowReport } from './workflow';

export interface WeeklyFigures {
  /** Local dates: the first day and the day after the last (the Reports screen's from/to). */
  from: string;
  to: string;
  planned: number;
  published: number;
  onTime: number;
  failed: number;
  missed: number;
  approvals: number;
  turnaroundP50Seconds: number | null;
}

/** The seven whole local days before today in the workspace's timezone. */
export function lastWeekOf(now: Date, timezone: string): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  return { from: today.minus({ days: 7 }).toISODate() as string, to: today.toISODate() as string };
}

export async function weeklyFigures(
  db: Executor,
  reader: { workspaceId: string; timezone: string; userId: string; role: Role },
  now: Date,
): Promise<WeeklyFigures> {
  const period = lastWeekOf(now, reader.timezone);
  const actor = {
    workspaceId: reader.workspaceId,
    workspaceTimezone: reader.timezone,
    role: reader.role,
    userId: reader.userId,
    tokenId: null,
  };
  const query = { ...period, format: 'json' as const };
  const plan = await planKeptReport(db, actor, query);
  const workflow = await workflowReport(db, actor, query);
  const sum = (pick: (w: (typeof plan.weeks)[number]) => number) =>
    plan.weeks.reduce((total, w) => total + pick(w), 0);
  return {
    ...period,
    planned: sum((w) => w.planned),
    published: sum((w) => w.published),
    onTime: sum((w) => w.onTime),
    failed: sum((w) => w.failed),
    missed: sum((w) => w.missed),
    approvals: workflow.approvals,
    turnaroundP50Seconds: workflow.turnaroundP50Seconds,
  };
}
