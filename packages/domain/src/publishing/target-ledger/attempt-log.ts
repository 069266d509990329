// The attempt log behind the ledger: one row per thing that happened to a target. Written in the
// same transaction as the transition it explains.
import type { Executor } from '@cadence/db';
import { type SQL, sql } from 'drizzle-orm';

export interface AttemptLogRow {
  targetId: string;
  workspaceId: string;
  attempt: number;
  outcome: string;
  detail: string | null;
  actor: string;
  startedAt: Date;
  finishedAt?: Date;
}

export async function logAttempts(tx: Executor, rows: readonly AttemptLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(insertAttempts(rows));
}

/** The insert as a statement of its own, or as a step of a larger one (a WITH clause). */
export function insertAttempts(rows: readonly AttemptLogRow[]): SQL {
  // One JSON parameter rather than eight per row (see uuidList).
  const json = JSON.stringify(
    rows.map((r) => ({
      target_id: r.targetId,
      workspace_id: r.workspaceId,
      attempt: r.attempt,
      outcome: r.outcome,
      detail: r.detail,
      actor: r.actor,
      started_at: r.startedAt.toISOString(),
      finished_at: r.finishedAt?.toISOString() ?? null,
    })),
  );
  return sql`
    INSERT INTO target_attempts (target_id, workspace_id, attempt, outcome, detail, actor, started_at, finished_at)
    SELECT target_id, workspace_id, attempt, outcome, detail, actor, started_at, coalesce(finished_at, now())
    FROM jsonb_to_recordset(${json}::jsonb) AS v(
      target_id uuid, workspace_id uuid, attempt integer, outcome text, detail text, actor text,
      started_at timestamptz, finished_at timestamptz)`;
}
