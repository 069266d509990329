// Housekeeping tasks on the process's job runner, once a minute: renew OAuth access tokens before
// they expire (so a scheduled post never meets an expired token), sweep idempotency keys past
// their 24 h retention and the counters of ended rate windows (so the tables stay small). The
// token refresh itself (leases, needs_reconnect on refusal) is the domain's use case; the networks
// renew through deps.access.
import type { ConnectDeps } from '@cadence/domain/channels/connect/channel-access';
import { refreshDueTokens } from '@cadence/domain/channels/connect/refresh-tokens';
import { sweepExpiredIdempotencyKeys } from '@cadence/domain/idempotency/retention';
import type { JobRunner } from '@cadence/jobs';
import type { PublisherLogger } from '../deps';
import { sweepEndedWindows } from '../send/rate-limits';

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
  runner.every('housekeeping:rate-windows', EVERY_MINUTE, () => sweepEndedWindows(deps.db, deps.clock()));
}
