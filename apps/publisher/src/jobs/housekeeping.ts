// Housekeeping tasks on the process's job runner, once a minute: renew OAuth access tokens before
// they expire (so a scheduled post never meets an expired token), and sweep idempotency keys past
// their 24 h retention (so the table stays small). The token refresh itself (leases,
// needs_reconnect on refusal) is the domain's use case; the networks renew through deps.access.
import type { ConnectDeps } from '@cadence/domain/channels/connect/channel-access';
import { refreshDueTokens } from '@cadence/domain/channels/connect/refresh-tokens';
import { sweepExpiredIdempotencyKeys } from '@cadence/domain/idempotency/retention';
import type { JobRunner } from '@cadence/jobs';
import type { PublisherLogger } from '../deps';

const EVERY_MINUTE = 60_000;

export function registerHousekeeping(runner: JobRunner, deps: ConnectDeps, logger: PublisherLogger): void {
  runner.every('housekeeping:tokens', EVERY_MINUTE, async () => {
    const outcomes = await refreshDueTokens(deps);
    if (outcomes.refreshed + outcomes.needs_reconnect > 0) logger.info({ outcomes }, 'tokens refreshed');
  });
  runner.every('housekeeping:idempotency-keys', EVERY_MINUTE, async () => {
    const swept = await sweepExpiredIdempotencyKeys(deps.db, deps.clock());
    if (swept > 0) logger.info({ swept }, 'expired idempotency keys removed');
  });
}
