// A publisher process: configuration, database, networks, ticks, and a graceful SIGTERM (stop
// claiming, give back what has not started, finish what is in flight, record the stop).
import { type Config, ConfigError, loadConfig } from '@cadence/config';
import { type Db, openDatabase } from '@cadence/db';
import { type AdapterRegistry, defaultAdapters } from '@cadence/networks';
import pino from 'pino';
import type { PublisherOptions } from './deps';
import { loadKeyRing } from '@cadence/domain/security/key-ring';
import { createPublisher } from './publisher';
import { scheduleHousekeeping } from './jobs/housekeeping';
import { scheduleTicks } from './schedule-ticks';

export interface ProcessInput {
  /** The networks to publish to; the real ones by default (tests pass a recording fake). */
  adapters?: (db: Db, config: Config) => AdapterRegistry;
  options?: Partial<PublisherOptions>;
  workerId?: string;
}

export async function runPublisherProcess(input: ProcessInput = {}) {
  let config: Config;
  try {
    // The publisher's one read of the environment.
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  if (!config.databaseUrl) {
    console.error(
      'DATABASE_URL must be set: a separate publisher process needs PostgreSQL (pnpm start runs one in-process instead).',
    );
    process.exit(1);
  }
  // The API creates the local key file; a publisher only reads it.
  const keyRing = loadKeyRing(config, { createIfMissing: false });
  const logger = pino({ level: config.logLevel, base: { service: 'publisher' } });
  const database = await openDatabase(config);
  const adapters = input.adapters
    ? input.adapters(database.db, config)
    : defaultAdapters({
        db: database.db,
        allowPrivateNetworkUrls: config.allowPrivateNetworkUrls,
        baseUrls: config.networks.baseUrls,
      });
  const publisher = createPublisher({
    db: database.db,
    adapters,
    keyRing,
    settings: config.publisher,
    logger,
    ...(input.workerId ? { workerId: input.workerId } : {}),
    ...(input.options ? { options: input.options } : {}),
  });
  const ticks = scheduleTicks(publisher, config.publisher.tickSeconds);
  const refresh = scheduleHousekeeping(
    {
      db: database.db,
      keyRing,
      http: { allowPrivateNetworkUrls: config.allowPrivateNetworkUrls },
      now: () => new Date(),
      clients: config.networks.clients,
      baseUrls: config.networks.baseUrls,
    },
    logger,
  );
  logger.info({ workerId: publisher.workerId }, 'publisher started');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'publisher stopping');
    await ticks.stop();
    await refresh.stop();
    await publisher.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return publisher;
}
