// Writes pulled figures: one point per figure in the series, and the latest value per target and
// name, in one statement. Two pulls of one target racing (a retried job beside a late one) cannot
// leave the older figure as the latest: the upsert keeps the row with the later pulled_at.
import { channelFollowerCounts, type Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';
import { METRIC_NAMES, type PulledMetrics } from './schemas';

export async function recordTargetMetrics(
  db: Executor,
  input: { targetId: string; workspaceId: string; figures: PulledMetrics; pulledAt: Date },
): Promise<number> {
  // Only known names with whole, non-negative values reach the database (adapters check too).
  const entries = METRIC_NAMES.flatMap((name) => {
    const value = input.figures[name];
    return value !== undefined && Number.isSafeInteger(value) && value >= 0 && value <= 2_147_483_647
      ? [{ metric: name, value }]
      : [];
  });
  if (entries.length === 0) return 0;
  const at = input.pulledAt.toISOString();
  await db.execute(sql`
    WITH v AS (
      SELECT metric::metric_name AS metric, value FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
        AS v(metric text, value int)
    ), points AS (
      INSERT INTO metric_points (target_id, workspace_id, metric, value, pulled_at)
      SELECT ${input.targetId}::uuid, ${input.workspaceId}::uuid, metric, value, ${at}::timestamptz FROM v
    )
    INSERT INTO target_metrics (target_id, workspace_id, metric, value, pulled_at)
    SELECT ${input.targetId}::uuid, ${input.workspaceId}::uuid, metric, value, ${at}::timestamptz FROM v
    ON CONFLICT (target_id, metric) DO UPDATE SET value = excluded.value, pulled_at = excluded.pulled_at
      WHERE target_metrics.pulled_at <= excluded.pulled_at`);
  return entries.length;
}

/** The follower count of a channel for the UTC day of `pulledAt` (a later pull that day replaces it). */
export async function recordFollowers(
  db: Executor,
  input: { channelId: string; workspaceId: string; followers: number; pulledAt: Date },
): Promise<void> {
  await db
    .insert(channelFollowerCounts)
    .values({
      channelId: input.channelId,
      workspaceId: input.workspaceId,
      day: input.pulledAt.toISOString().slice(0, 10),
      followers: input.followers,
      pulledAt: input.pulledAt,
    })
    .onConflictDoUpdate({
      target: [channelFollowerCounts.channelId, channelFollowerCounts.day],
      set: { followers: sql`excluded.followers`, pulledAt: sql`excluded.pulled_at` },
      setWhere: sql`${channelFollowerCounts.pulledAt} <= excluded.pulled_at`,
    });
}
