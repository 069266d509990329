// A publisher process: configuration, database, the composed publisher, and close-with-grace on
// SIGTERM/SIGINT (stop claiming, give back what has not started, finish what is in flight, record
// the stop). Started before the API has migrated the database, it waits for the schema.
import { type Config, ConfigError, loadConfig } from '@cadence/config';
import { type Db, openDatabase, waitForMigrations } from '@cadence/db';
import { loadKeyRing } from '@cadence/domain/security/key-ring';
import type { AdapterRegistry } from '@cadence/networks';
import closeWithGrace from 'close-with-grace';
import { logSafeError } from '@cadence/db/query-errors';
import pino from 'pino';
import type { PublisherOptions } from './deps';
import { startPublisher } from './start-publisher';

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
  const logger = pino({
    level: config.logLevel,
    base: { service: 'publisher' },
    // A failed query's bound values (post text, credentials) never reach the log.
    serializers: { err: (err: Error) => pino.stdSerializers.err(logSafeError(err) as Error) },
  });
  const database = await openDatabase(config);
  const waiting = new AbortController();
  let running: ReturnType<typeof startPublisher> | undefined;
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'publisher stopping after an error');
    else logger.info({ signal }, 'publisher stopping');
    waiting.abort();
    await running?.stop();
    await database.close();
  });
  await waitForMigrations(database, {
    signal: waiting.signal,
    onWait: (missing) =>
      logger.warn(
        { missing },
        'waiting for the database to be migrated (the API migrates it when it starts)',
      ),
  });
  // The API creates the local key file; a publisher only reads it.
  const keyRing = loadKeyRing(config, { createIfMissing: false });
  running = startPublisher({
    db: database.db,
    config,
    keyRing,
    logger,
    ...(input.adapters ? { adapters: input.adapters(database.db, config) } : {}),
    ...(input.workerId ? { workerId: input.workerId } : {}),
    ...(input.options ? { options: input.options } : {}),
  });
  return running.publisher;
}
