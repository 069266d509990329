// Cleans up after publishers that died or stalled: targets whose lease ran out, or whose worker
// missed its heartbeats, are handed back through the ledger (claimed: claimable again; sending:
// unknown, to be reconciled through the adapter).
import * as targetLedger from '@cadence/domain/publishing/target-ledger';
import type { SQL } from 'drizzle-orm';
import type { PublisherDeps } from '../deps';

export async function reconcileExpiredLeases(
  deps: PublisherDeps,
  /** The gone workers (the job runner's goneWorkers subquery). */
  deadWorkers?: SQL,
): Promise<{ released: number; unknown: number }> {
  const result = await targetLedger.handBack(deps.db, {
    now: deps.clock(),
    ...(deadWorkers ? { deadWorkers } : {}),
    actor: deps.workerId,
  });
  if (result.released || result.unknown) {
    deps.logger.warn(result, 'took back targets whose worker is gone');
  }
  return result;
}
