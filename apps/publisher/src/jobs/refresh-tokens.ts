// Renews OAuth access tokens before they expire, once a minute, so a scheduled post never meets an
// expired token. The refresh itself (leases, needs_reconnect on refusal) lives with the networks.
import type { ConnectDeps } from '@cadence/networks/oauth/providers';
import { refreshDueTokens } from '@cadence/networks/oauth/refresh-tokens';
import cron from 'node-cron';
import type { PublisherLogger } from '../deps';

export function scheduleTokenRefresh(deps: ConnectDeps, logger: PublisherLogger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= refreshDueTokens(deps)
      .then((outcomes) => {
        if (outcomes.refreshed + outcomes.needs_reconnect > 0) logger.info({ outcomes }, 'tokens refreshed');
      })
      .catch((err: unknown) => logger.error({ err }, 'refreshing tokens failed; will try again'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task = cron.schedule('0 * * * * *', run, { name: 'token-refresh' });
  void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
