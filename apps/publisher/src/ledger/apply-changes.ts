// Moves many targets along the ledger in one statement. Each change only applies if the target is
// still where this worker left it (its status, and its lease when it holds one), so a worker that
// lost a target (its lease expired and another took over) can never overwrite the newer state.
import type { Executor } from '@cadence/db';
import type { TargetStatus } from '@cadence/domain/publishing/post-status';
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { type SQL, sql } from 'drizzle-orm';

export interface LedgerChange {
  id: string;
  status: TargetStatus;
  nextAttemptAt?: Date | null;
  lastError?: string | null;
  externalId?: string | null;
  externalUrl?: string | null;
  publishedAt?: Date | null;
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * A list of ids as ONE parameter (`id = ANY(...)`): building and binding hundreds of separate
 * parameters per statement cost more CPU than the statement itself. The planner still sees the
 * array's values (each statement is planned with its parameters), so it keeps to the primary key.
 * Ids come from the database (uuids), so they need no quoting inside the array literal.
 */
export function uuidList(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export async function applyChanges(
  tx: Executor,
  guard: { from: TargetStatus; leaseOwner?: string },
  changes: readonly LedgerChange[],
  now: Date,
): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const json = JSON.stringify(
    changes.map((c) => ({
      id: c.id,
      status: c.status,
      next_attempt_at: c.nextAttemptAt?.toISOString() ?? null,
      last_error: c.lastError ?? null,
      external_id: c.externalId ?? null,
      // Every adapter checks its own answers; this is the last gate before the link is stored.
      external_url: safeExternalUrl(c.externalUrl),
      published_at: c.publishedAt?.toISOString() ?? null,
    })),
  );
  // The id list beside the join lets the planner use the primary key; joining on the recordset
  // alone (estimated at 100 rows) made it scan the table once per row.
  const owner = guard.leaseOwner === undefined ? sql`` : sql` AND t.lease_owner = ${guard.leaseOwner}`;
  const result = await tx.execute(sql`
    UPDATE post_targets t SET
      status = v.status::target_status,
      next_attempt_at = v.next_attempt_at,
      last_error = v.last_error,
      external_id = coalesce(v.external_id, t.external_id),
      external_url = coalesce(v.external_url, t.external_url),
      published_at = coalesce(v.published_at, t.published_at),
      lease_owner = null,
      lease_expires_at = null,
      updated_at = ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json}::jsonb) AS v(
      id uuid, status text, next_attempt_at timestamptz, last_error text,
      external_id text, external_url text, published_at timestamptz)
    WHERE t.id = v.id
      AND t.id = ANY(${uuidList(changes.map((c) => c.id))})
      AND t.status = ${guard.from}::target_status${owner}
    RETURNING t.id`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

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
  await tx.execute(sql`
    INSERT INTO target_attempts (target_id, workspace_id, attempt, outcome, detail, actor, started_at, finished_at)
    SELECT target_id, workspace_id, attempt, outcome, detail, actor, started_at, coalesce(finished_at, now())
    FROM jsonb_to_recordset(${json}::jsonb) AS v(
      target_id uuid, workspace_id uuid, attempt integer, outcome text, detail text, actor text,
      started_at timestamptz, finished_at timestamptz)`);
}
