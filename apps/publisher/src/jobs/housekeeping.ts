// Once a minute: renew OAuth access tokens before they expire (so a scheduled post never meets an
// expired token), and sweep idempotency keys past their 24 h retention (so the table stays small).
// The token refresh itself (leases, needs_reconnect on refusal) lives with the networks.
import { idempotencyKeys } from '@cadence/db';
import type { ConnectDeps } from '@cadence/networks/oauth/providers';
import { refreshDueTokens } from '@cadence/networks/oauth/refresh-tokens';
import { lt } from 'drizzle-orm';
import cron from 'node-cron';
import type { PublisherLogger } from '../deps';

export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;

export async function sweepExpiredIdempotencyKeys(deps: Pick<ConnectDeps, 'db' | 'now'>): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - IDEMPOTENCY_RETENTION_MS);
  const removed = await deps.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ id: idempotencyKeys.id });
  return removed.length;
}

export function scheduleHousekeeping(deps: ConnectDeps, logger: PublisherLogger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= (async () => {
      const outcomes = await refreshDueTokens(deps);
      if (outcomes.refreshed + outcomes.needs_reconnect > 0) logger.info({ outcomes }, 'tokens refreshed');
      const swept = await sweepExpiredIdempotencyKeys(deps);
      if (swept > 0) logger.info({ swept }, 'expired idempotency keys removed');
    })()
      .catch((err: unknown) => logger.error({ err }, 'housekeeping failed; will try again'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task = cron.schedule('0 * * * * *', run, { name: 'housekeeping' });
  void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
