// record outcome: moves many targets along in one statement, each only if it is still where the
// caller left it (its status, and the caller's lease when the caller holds one). A worker that lost
// a target (its lease expired or its heartbeat stopped, and another took over) can therefore never
// overwrite the newer state.
import type { Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';
import { planFirstPulls } from '../../reports/metrics/plan-pulls';
import { safeExternalUrl } from '../external-url';
import type { TargetStatus } from '../post-status';
import { rowsOf, uuidList } from './sql';

export interface LedgerChange {
  id: string;
  status: TargetStatus;
  nextAttemptAt?: Date | null;
  lastError?: string | null;
  externalId?: string | null;
  externalUrl?: string | null;
  publishedAt?: Date | null;
}

/** After the call: published, retry later, failed or unknown. Only from `sending`, under our lease. */
export const recordOutcomes = (tx: Executor, workerId: string, changes: readonly LedgerChange[], now: Date) =>
  applyGuarded(tx, { from: 'sending', leaseOwner: workerId }, changes, now);

/** Without a call: held, missed, or waiting for a rate limit. Only from `claimed`, under our lease. */
export const settleClaimed = (tx: Executor, workerId: string, changes: readonly LedgerChange[], now: Date) =>
  applyGuarded(tx, { from: 'claimed', leaseOwner: workerId }, changes, now);

/** Reconciliation's verdict on an `unknown` target (found, send again, or ask a person). */
export const settleUnknown = (tx: Executor, changes: readonly LedgerChange[], now: Date) =>
  applyGuarded(tx, { from: 'unknown', leaseOwner: null }, changes, now);

async function applyGuarded(
  tx: Executor,
  guard: { from: TargetStatus; leaseOwner: string | null },
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
  const owner =
    guard.leaseOwner === null ? sql`t.lease_owner IS NULL` : sql`t.lease_owner = ${guard.leaseOwner}`;
  // The id list beside the join lets the planner use the primary key; joining on the recordset
  // alone (estimated at 100 rows) made it scan the table once per row.
  const result = await tx.execute(sql`
    UPDATE post_targets AS t SET
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
      AND t.status = ${guard.from}::target_status
      AND ${owner}
    RETURNING t.id`);
  const applied = new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
  // The metrics schedule starts in the same transaction as the publication it follows.
  const published = changes.filter((c) => c.status === 'published' && applied.has(c.id)).map((c) => c.id);
  await planFirstPulls(tx, published, now);
  return applied;
}
