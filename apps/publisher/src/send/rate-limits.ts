// Rate limits shared by every publisher process, kept in PostgreSQL: a network's "wait until"
// after a 429, and fixed-window counters for the allowances a channel or its adapter declares.
import { type Db, type Executor, publisherRateLimits, publisherRateWindows } from '@cadence/db';
import { rowsOf } from '@cadence/domain/publishing/target-ledger';
import type { RateAllowance } from '@cadence/networks';
import { lt, sql } from 'drizzle-orm';

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
 * missing, then locked in (key, window) order (two processes never lock in opposite orders) and
 * counted. Each window has its own row, so a target taking the window it leaves in (now) is counted
 * there even when others have already taken windows seconds ahead (decision 0318). One request per
 * key per call (takeWindows groups them in rounds). Returns how many calls each key was granted.
 */
export async function takeFromWindows(
  db: Db,
  requests: readonly WindowRequest[],
): Promise<Map<string, number>> {
  const granted = new Map<string, number>();
  if (requests.length === 0) return granted;
  const json = JSON.stringify(
    requests.map((r) => {
      const w = windowOf(r.at, r.allowance);
      return {
        key: r.key,
        wanted: r.wanted,
        max: r.allowance.max,
        window_start: w.start.toISOString(),
        window_end: w.end.toISOString(),
      };
    }),
  );
  await db.execute(sql`
    INSERT INTO publisher_rate_windows (key, window_start, window_end)
    SELECT key, window_start, window_end
    FROM jsonb_to_recordset(${json}::jsonb) AS v(key text, window_start timestamptz, window_end timestamptz)
    ORDER BY key, window_start
    ON CONFLICT (key, window_start) DO NOTHING`);
  const result = await db.execute(sql`
    WITH w AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS v(key text, wanted int, max int, window_start timestamptz)
    ), locked AS MATERIALIZED (
      SELECT r.key, r.window_start, r.count FROM publisher_rate_windows r
      JOIN w ON w.key = r.key AND w.window_start = r.window_start
      ORDER BY r.key, r.window_start FOR UPDATE OF r
    ), took AS (
      SELECT w.key, w.window_start, least(w.wanted, greatest(0, w.max - l.count)) AS n
      FROM w JOIN locked l ON l.key = w.key AND l.window_start = w.window_start
    )
    UPDATE publisher_rate_windows r SET count = r.count + t.n
    FROM took t WHERE r.key = t.key AND r.window_start = t.window_start
    RETURNING r.key, t.n::int AS granted`);
  for (const row of rowsOf<{ key: string; granted: number }>(result)) granted.set(row.key, row.granted);
  return granted;
}

/** Removes the counters of windows that have ended: nothing is counted in them any more. */
export async function sweepEndedWindows(db: Executor, now: Date): Promise<number> {
  const swept = await db
    .delete(publisherRateWindows)
    .where(lt(publisherRateWindows.windowEnd, now))
    .returning({ key: publisherRateWindows.key });
  return swept.length;
}
