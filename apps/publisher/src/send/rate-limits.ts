// Rate limits shared by every publisher process, kept in PostgreSQL: a network's "wait until"
// after a 429, and fixed-window counters for the allowances an adapter declares.
import { type Db, type Executor, publisherRateLimits } from '@cadence/db';
import type { RateAllowance } from '@cadence/networks';
import { eq, sql } from 'drizzle-orm';

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

/**
 * Takes up to `wanted` calls from the key's current fixed window; returns how many were granted
 * and when the window ends (when the rest may go). The row lock makes concurrent processes queue.
 */
export async function takeFromWindow(
  db: Db,
  key: string,
  wanted: number,
  allowance: RateAllowance,
  now: Date,
): Promise<{ granted: number; windowEndsAt: Date }> {
  const windowStart = new Date(Math.floor(now.getTime() / allowance.perMs) * allowance.perMs);
  const windowEndsAt = new Date(windowStart.getTime() + allowance.perMs);
  await db.insert(publisherRateLimits).values({ key, updatedAt: now }).onConflictDoNothing();
  const granted = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ windowStart: publisherRateLimits.windowStart, windowCount: publisherRateLimits.windowCount })
      .from(publisherRateLimits)
      .where(eq(publisherRateLimits.key, key))
      .for('update');
    const used = row?.windowStart?.getTime() === windowStart.getTime() ? row.windowCount : 0;
    const take = Math.max(0, Math.min(wanted, allowance.max - used));
    await tx
      .update(publisherRateLimits)
      .set({ windowStart, windowCount: used + take, updatedAt: now })
      .where(eq(publisherRateLimits.key, key));
    return take;
  });
  return { granted, windowEndsAt };
}
