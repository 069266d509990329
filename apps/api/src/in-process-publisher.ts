// The publisher loop inside `pnpm start`: one process, the embedded database, the real networks.
// PGlite is a single connection, so the loop never holds a transaction open while waiting on
// another (see the publisher's jobs); SKIP LOCKED has nothing to skip with one publisher.
import { defaultAdapters } from '@cadence/networks';
import { createPublisher } from '@cadence/publisher/publisher';
import { scheduleTicks } from '@cadence/publisher/schedule-ticks';
import { scheduleHousekeeping } from '@cadence/publisher/jobs/housekeeping';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context';
import { connectDeps } from './routes/connect/connect-deps';

export function startInProcessPublisher(ctx: AppContext, log: FastifyBaseLogger) {
  const { db } = ctx.database;
  const publisher = createPublisher({
    db,
    adapters: defaultAdapters({
      db,
      allowPrivateNetworkUrls: ctx.config.allowPrivateNetworkUrls,
      baseUrls: ctx.config.networks.baseUrls,
    }),
    keyRing: ctx.keyRing,
    settings: ctx.config.publisher,
    logger: log.child({ service: 'publisher' }),
    clock: ctx.clock,
  });
  const ticks = scheduleTicks(publisher, ctx.config.publisher.tickSeconds);
  const refresh = scheduleHousekeeping(connectDeps(ctx), log.child({ service: 'housekeeping' }));
  return {
    publisher,
    async stop() {
      await ticks.stop();
      await refresh.stop();
      await publisher.stop();
    },
  };
}
