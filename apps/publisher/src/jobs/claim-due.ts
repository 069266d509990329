// Claims as many due targets as this process has room for, batch after batch, and hands each to
// the instant timers. Only one claim loop runs at a time per process.
import type { ClaimedTarget, PublisherDeps } from '../deps';
import * as targetLedger from '@cadence/domain/publishing/target-ledger';

export async function claimDue(
  deps: PublisherDeps,
  state: { room: () => number; stopping: () => boolean },
  onClaimed: (targets: ClaimedTarget[]) => void,
): Promise<number> {
  let total = 0;
  while (!state.stopping()) {
    const limit = Math.min(deps.options.claimBatch, state.room());
    if (limit <= 0) break;
    const rows = await targetLedger.claimDue(deps.db, {
      workerId: deps.workerId,
      now: deps.clock(),
      lookAheadMs: deps.options.lookAheadMs,
      claimLeaseMs: deps.options.claimLeaseMs,
      limit,
    });
    total += rows.length;
    if (rows.length) onClaimed(rows);
    if (rows.length < limit) break;
  }
  return total;
}
