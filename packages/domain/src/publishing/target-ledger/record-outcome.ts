// record outcome: moves many targets along in one statement, each only if it is still where the
// caller left it (its status, and the caller's lease when the caller holds one). A worker that lost
// a target (its lease expired or its heartbeat stopped, and another took over) can therefore never
// overwrite the newer state.
import type { Executor } from '@cadence/db';
import { sql } from 'drizzle-orm';
import { planFirstPullsOf, pullable } from '../../reports/metrics/plan-pulls';
import { safeExternalUrl } from '../external-url';
import type { TargetStatus } from '../post-status';
import type { LockedPost } from '../sync-post-status';
import { type AttemptLogRow, insertAttempts } from './attempt-log';
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
  applyGuarded(tx, { from: 'sending', leaseOwner: workerId }, changes, now).then((r) => r.applied);

/**
 * The publisher's outcome write in one statement: the outcomes as `recordOutcomes`, the attempt log,
 * and a lock on the posts of the targets that moved (FOR NO KEY UPDATE, in id order, after the
 * targets, as syncPostStatuses takes it), returned for `syncLockedPostStatuses`. One round trip
 * instead of four: the other publisher waits on these posts only while this one's statements run.
 */
export const recordOutcomesLockingPosts = (
  tx: Executor,
  workerId: string,
  changes: readonly LedgerChange[],
  log: readonly AttemptLogRow[],
  now: Date,
) => applyGuarded(tx, { from: 'sending', leaseOwner: workerId }, changes, now, { log, lockPosts: true });

/** Without a call: held, missed, or waiting for a rate limit. Only from `claimed`, under our lease. */
export const settleClaimed = (tx: Executor, workerId: string, changes: readonly LedgerChange[], now: Date) =>
  applyGuarded(tx, { from: 'claimed', leaseOwner: workerId }, changes, now).then((r) => r.applied);

/** Reconciliation's verdict on an `unknown` target (found, send again, or ask a person). */
export const settleUnknown = (tx: Executor, changes: readonly LedgerChange[], now: Date) =>
  applyGuarded(tx, { from: 'unknown', leaseOwner: null }, changes, now).then((r) => r.applied);

async function applyGuarded(
  tx: Executor,
  guard: { from: TargetStatus; leaseOwner: string | null },
  changes: readonly LedgerChange[],
  now: Date,
  also: { log?: readonly AttemptLogRow[]; lockPosts?: boolean } = {},
): Promise<{ applied: Set<string>; posts: LockedPost[] }> {
  const log = also.log ?? [];
  if (changes.length === 0) {
    if (log.length > 0) await tx.execute(insertAttempts(log));
    return { applied: new Set(), posts: [] };
  }
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
  // Steps of the same statement run whatever the main query reads; the posts are locked only once
  // every target row is updated (the lock reads the update's output, and sorts it first).
  const logged = log.length > 0 ? sql`, logged AS (${insertAttempts(log)})` : sql``;
  const locked = also.lockPosts
    ? sql`, locked AS (
        SELECT p.id, p.status::text, p.workspace_id FROM posts p
        WHERE p.id IN (SELECT post_id FROM moved) ORDER BY p.id FOR NO KEY UPDATE OF p)`
    : sql``;
  const lockedRows = also.lockPosts
    ? sql`(SELECT coalesce(json_agg(json_build_array(id, status, workspace_id)), '[]') FROM locked)`
    : sql`'[]'::json`;
  // The id list beside the join lets the planner use the primary key; joining on the recordset
  // alone (estimated at 100 rows) made it scan the table once per row.
  const result = await tx.execute(sql`
    WITH moved AS (
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
      RETURNING t.id, t.post_id, t.published_at, (${pullable('t')}) AS pull
    )${logged}${locked}
    SELECT (SELECT coalesce(json_agg(json_build_array(id, pull, published_at)), '[]') FROM moved) AS moved,
      ${lockedRows} AS posts`);
  const row = rowsOf<{ moved: [string, boolean, string | null][]; posts: [string, string, string][] }>(
    result,
  )[0];
  const moved = row?.moved ?? [];
  // The metrics schedule starts in the same transaction as the publication it follows.
  await planFirstPullsOf(
    tx,
    moved.filter(([, pull]) => pull).map(([id, , publishedAt]) => ({ id, published_at: publishedAt })),
    now,
  );
  return {
    applied: new Set(moved.map(([id]) => id)),
    posts: (row?.posts ?? []).map(([id, status, workspaceId]) => ({ id, status, workspaceId })),
  };
}
