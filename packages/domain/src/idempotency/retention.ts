// How long an Idempotency-Key is remembered, defined once: the API's store treats an older key as
// free again, and the publisher's housekeeping deletes older rows.
import { type Executor, idempotencyKeys } from '@cadence/db';
import { lt } from 'drizzle-orm';

export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;

/** Keys created before this instant are past their retention. */
export function idempotencyCutoff(now: Date): Date {
  return new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS);
}

/** Deletes the keys past their retention; returns how many went. */
export async function sweepExpiredIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const removed = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, idempotencyCutoff(now)))
    .returning({ id: idempotencyKeys.id });
  return removed.length;
}
