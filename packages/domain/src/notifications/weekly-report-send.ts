// Sends the weekly reports that are due: one per member who asked for it (notification settings)
// and workspace, seven days after the last one (or at the first check after they asked). A periodic
// task of the job runner calls this; each email goes through the outbox and its job like any other.
import { memberships, notificationSettings, users, workspaces } from '@cadence/db';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { weeklyFigures } from '../reports/weekly-report';
import type { NotifyDeps } from './fan-out';
import { PREFERENCES_PATH } from './links';
import { queueEmail } from './queue-email';
import { renderWeeklyReportEmail } from './weekly-report-email';

const WEEKLY_REPORT_EVERY_MS = 7 * 24 * 3600 * 1000;
/** Readers handled per call: bounds one transaction. */
export const WEEKLY_REPORT_BATCH = 20;

export async function sendDueWeeklyReports(deps: NotifyDeps): Promise<number> {
  const now = deps.clock();
  const dueBefore = new Date(now.getTime() - WEEKLY_REPORT_EVERY_MS);
  return deps.db.transaction(async (tx) => {
    // SKIP LOCKED on the reader's settings row: a report another process is writing is left to it,
    // and the stamp below commits with the email, so nobody gets the same week twice.
    const due = await tx
      .select({
        workspaceId: notificationSettings.workspaceId,
        userId: notificationSettings.userId,
        role: memberships.role,
        email: users.email,
        locale: users.locale,
        workspace: workspaces.name,
        timezone: workspaces.timezone,
      })
      .from(notificationSettings)
      .innerJoin(
        memberships,
        and(
          eq(memberships.workspaceId, notificationSettings.workspaceId),
          eq(memberships.userId, notificationSettings.userId),
        ),
      )
      .innerJoin(users, eq(users.id, notificationSettings.userId))
      .innerJoin(workspaces, eq(workspaces.id, notificationSettings.workspaceId))
      .where(
        and(
          eq(notificationSettings.weeklyReport, true),
          or(
            isNull(notificationSettings.lastWeeklyReportAt),
            lt(notificationSettings.lastWeeklyReportAt, dueBefore),
          ),
        ),
      )
      .limit(WEEKLY_REPORT_BATCH)
      .for('update', { of: notificationSettings, skipLocked: true });
    for (const reader of due) {
      const figures = await weeklyFigures(tx, reader, now);
      const rendered = renderWeeklyReportEmail({
        locale: reader.locale,
        workspace: reader.workspace,
        figures,
        reportUrl: `${deps.origin}/reports?from=${figures.from}&to=${figures.to}`,
        preferencesUrl: `${deps.origin}${PREFERENCES_PATH}`,
      });
      await queueEmail(tx, {
        workspaceId: reader.workspaceId,
        userId: reader.userId,
        to: reader.email,
        locale: reader.locale,
        topic: 'weekly_report',
        rendered,
        mailDomain: deps.mailDomain,
        now,
      });
      await tx
        .update(notificationSettings)
        .set({ lastWeeklyReportAt: now })
        .where(
          and(
            eq(notificationSettings.workspaceId, reader.workspaceId),
            eq(notificationSettings.userId, reader.userId),
          ),
        );
    }
    return due.length;
  });
}
