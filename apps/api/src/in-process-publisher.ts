// The publisher loop inside `pnpm start`: one process, the embedded database, the real networks.
// PGlite is a single connection, so the loop never holds a transaction open while waiting on
// another (see the publisher's jobs); SKIP LOCKED has nothing to skip with one publisher.
import { defaultAdapters } from '@cadence/networks';
import { createPublisher } from '@cadence/publisher/publisher';
import { scheduleTicks } from '@cadence/publisher/schedule-ticks';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context';

export function startInProcessPublisher(ctx: AppContext, log: FastifyBaseLogger) {
  const { db } = ctx.database;
  const publisher = createPublisher({
    db,
    adapters: defaultAdapters({ db, allowPrivateNetworkUrls: ctx.config.allowPrivateNetworkUrls }),
    keyRing: ctx.keyRing,
    settings: ctx.config.publisher,
    logger: log.child({ service: 'publisher' }),
    clock: ctx.clock,
  });
  const ticks = scheduleTicks(publisher, ctx.config.publisher.tickSeconds);
  return {
    publisher,
    async stop() {
      await ticks.stop();
      await publisher.stop();
    },
  };
}
