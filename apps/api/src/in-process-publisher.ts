// The publisher inside `pnpm start`: the same composition as a publisher process, on this
// process's database. PGlite is a single connection, so the publisher never holds a transaction
// open while waiting on another (see the job runner); SKIP LOCKED has nothing to skip here.
import { startPublisher } from '@cadence/publisher/start-publisher';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context';

export function startInProcessPublisher(ctx: AppContext, log: FastifyBaseLogger) {
  return startPublisher({
    db: ctx.database.db,
    config: ctx.config,
    keyRing: ctx.keyRing,
    logger: log.child({ service: 'publisher' }),
    clock: ctx.clock,
    ...(ctx.mediaStorage ? { mediaStorage: ctx.mediaStorage } : {}),
  });
}
