// "Posts are due and no publisher is running" (issue 15): when no publisher beats and a post is
// overdue by more than a minute, each workspace with such a post records one publisher_stalled event
// per stall (the last beat is the key: a publisher that comes back and stops again is a new stall).
// A post a minute late is not yet news: a restarting publisher takes seconds, and a busy one is
// still beating. The owners hear it (recipients.ts).
import { type Db, emailOutbox, postTargets } from '@cadence/db';
import { and, asc, eq, lte } from 'drizzle-orm';
import { getPublisherStatus } from '../publishing/publisher-status';
import { recordNotificationEvent } from './record-event';

export const OVERDUE_GRACE_MS = 60_000;
/** Workspaces looked at per run; a bound, not a limit anyone should reach. */
const BATCH = 1_000;

export async function recordPublisherStalled(db: Db, now: Date): Promise<number> {
  const status = await getPublisherStatus(db, now);
  if (status.state === 'running') return 0;
  const waiting = await db
    .selectDistinct({ workspaceId: postTargets.workspaceId })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.status, 'scheduled'),
        lte(postTargets.scheduledAt, new Date(now.getTime() - OVERDUE_GRACE_MS)),
      ),
    )
    .limit(BATCH);
  const since = status.lastBeatAt?.toISOString() ?? 'never';
  let recorded = 0;
  for (const { workspaceId } of waiting) {
    const fresh = await recordNotificationEvent(db, {
      workspaceId,
      kind: 'publisher_stalled',
      params: { since },
      dedupeKey: `publisher-stalled:${since}`,
    });
    if (fresh) recorded++;
  }
  return recorded;
}

/** The stalled-publisher emails still waiting: the email job would wait for the stopped runner. */
export async function queuedStalledEmails(db: Db, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.topic, 'publisher_stalled'), eq(emailOutbox.status, 'queued')))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
