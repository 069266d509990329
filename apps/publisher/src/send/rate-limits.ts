// Rate limits shared by every publisher process, kept in PostgreSQL: a network's "wait until"
// after a 429, and fixed-window counters for the allowances a channel or its adapter declares.
import { type Db, type Executor, publisherRateLimits } from '@cadence/db';
import { rowsOf } from '@cadence/domain/publishing/target-ledger';
import type { RateAllowance } from '@cadence/networks';
import { sql } from 'drizzle-orm';

/** Remembers a 429 so that no process calls this channel (or network) again too soon. */
export async function blockKey(db: Executor, key: string, until: Date, reason: string, now: Date) {
  await db
    .insert(publisherRateLimits)
    .values({ key, blockedUntil: until, reason, updatedAt: now })
    .onConflictDoUpdate({
      target: publisherRateLimits.key,
      set: {
        blockedUntil: sql`greatest(${publisherRateLimits.blockedUntil}, excluded.blocked_until)`,
        reason,
        updatedAt: now,
      },
    });
}

export interface WindowRequest {
  key: string;
  wanted: number;
  allowance: RateAllowance;
  /** The instant whose fixed window is drawn from (the targets' instant when prepared early). */
  at: Date;
}

export const windowOf = (at: Date, allowance: RateAllowance) => {
  const start = Math.floor(at.getTime() / allowance.perMs) * allowance.perMs;
  return { start: new Date(start), end: new Date(start + allowance.perMs) };
};

/**
 * Takes from many keys' windows in two statements (not one transaction per key): rows created if
 * missing, then locked in key order (two processes never lock in opposite orders) and counted.
 * Returns how many calls each request was granted.
 */
export async function takeFromWindows(
  db: Db,
  requests: readonly WindowRequest[],
  now: Date,
): Promise<Map<string, number>> {
  const granted = new Map<string, number>();
  if (requests.length === 0) return granted;
  const json = JSON.stringify(
    requests.map((r) => ({
      key: r.key,
      wanted: r.wanted,
      max: r.allowance.max,
      window_start: windowOf(r.at, r.allowance).start.toISOString(),
    })),
  );
  const nowIso = now.toISOString();
  await db.execute(sql`
    INSERT INTO publisher_rate_limits (key, updated_at)
    SELECT DISTINCT key, ${nowIso}::timestamptz FROM jsonb_to_recordset(${json}::jsonb) AS v(key text)
    ORDER BY key
    ON CONFLICT (key) DO NOTHING`);
  const result = await db.execute(sql`
    WITH w AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS v(key text, wanted int, max int, window_start timestamptz)
    ), locked AS MATERIALIZED (
      SELECT r.key, r.window_start, r.window_count FROM publisher_rate_limits r
      WHERE r.key IN (SELECT key FROM w) ORDER BY r.key FOR UPDATE
    ), used AS (
      SELECT w.key, w.window_start, w.wanted, w.max, l.window_start AS current_start, l.window_count,
        -- A window before the one the row already counts (a target prepared late beside others
        -- prepared early) cannot be counted any more: it gets nothing and waits for a later one.
        CASE WHEN l.window_start = w.window_start THEN l.window_count
             WHEN l.window_start > w.window_start THEN w.max
             ELSE 0 END AS used
      FROM w JOIN locked l ON l.key = w.key
    )
    UPDATE publisher_rate_limits r SET
      window_start = greatest(u.current_start, u.window_start),
      window_count = CASE WHEN u.current_start > u.window_start THEN u.window_count
                          ELSE u.used + least(u.wanted, greatest(0, u.max - u.used)) END,
      updated_at = ${nowIso}::timestamptz
    FROM used u WHERE r.key = u.key
    RETURNING r.key, least(u.wanted, greatest(0, u.max - u.used))::int AS granted`);
  for (const row of rowsOf<{ key: string; granted: number }>(result)) granted.set(row.key, row.granted);
  return granted;
}
