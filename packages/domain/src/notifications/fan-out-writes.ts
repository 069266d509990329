// The fan-out's writes and its per-person cap lock, apart from the rules that decide who hears what
// (fan-out.ts).
import { emailOutbox, type Executor, type notifications } from '@cadence/db';
import { and, count, gte, inArray, sql } from 'drizzle-orm';
import { INSTANT_EMAIL_LIMIT } from './preferences-rules';

/**
 * Takes each person's instant-email cap lock until the transaction ends (decision 0261): a
 * transaction-scoped advisory lock keyed by the user id, so two fan-outs (two lanes, two
 * processes) that would email the same person count and queue one after the other, and the cap
 * holds across them. Taken in id order in one statement, so two batches never wait on each other
 * in a cycle.
 */
export async function lockEmailCaps(tx: Executor, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const sorted = [...userIds].sort();
  await tx.execute(sql`
    SELECT pg_advisory_xact_lock(hashtextextended('cadence.email-cap:' || id::text, 0))
    FROM (SELECT id FROM unnest(${`{${sorted.join(',')}}`}::uuid[]) AS id ORDER BY id) AS ids`);
}

/** Emails queued to each person within the cap's window; read after lockEmailCaps. */
export async function recentEmailCounts(
  tx: Executor,
  userIds: string[],
  now: Date,
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ userId: emailOutbox.userId, n: count() })
    .from(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.userId, userIds),
        gte(emailOutbox.createdAt, new Date(now.getTime() - INSTANT_EMAIL_LIMIT.windowMs)),
      ),
    )
    .groupBy(emailOutbox.userId);
  return new Map(rows.map((r) => [r.userId as string, r.n]));
}

/**
 * All of a batch's notifications in one statement carrying one JSON parameter: a multi-row VALUES
 * with 11 parameters a row spent most of a fan-out building and binding them (1,000 rows took
 * 300-500 ms on the shared 2-core machine, bench/notifications.bench.ts), which the bell waited on.
 */
export async function insertNotifications(tx: Executor, rows: (typeof notifications.$inferInsert)[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      event_id: r.eventId,
      workspace_id: r.workspaceId,
      user_id: r.userId,
      kind: r.kind,
      post_id: r.postId ?? null,
      channel_id: r.channelId ?? null,
      actor_name: r.actorName ?? null,
      params: r.params ?? {},
      in_app: r.inApp,
      digest_pending: r.digestPending ?? false,
      created_at: (r.createdAt ?? new Date()).toISOString(),
    })),
  );
  await tx.execute(sql`
    INSERT INTO notifications (event_id, workspace_id, user_id, kind, post_id, channel_id, actor_name,
      params, in_app, digest_pending, created_at)
    SELECT event_id, workspace_id, user_id, kind, post_id, channel_id, actor_name, params, in_app,
      digest_pending, created_at
    FROM jsonb_to_recordset(${json}::jsonb) AS r(event_id uuid, workspace_id uuid, user_id uuid,
      kind notification_kind, post_id uuid, channel_id uuid, actor_name text, params jsonb,
      in_app boolean, digest_pending boolean, created_at timestamptz)
    ON CONFLICT DO NOTHING`);
}
