// The publisher composed once, for both ways Cadence runs it: inside `pnpm start` (the API's
// process, embedded PGlite) and as its own processes (`pnpm start:publisher`, PostgreSQL). One job
// runner per process carries the heartbeat, the hand-back of gone workers' work, the publisher's
// tasks and housekeeping; stop() finishes what is in flight and records the stop.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '@cadence/config';
import type { Db } from '@cadence/db';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import { createJobRunner, type JobRunner } from '@cadence/jobs';
import { libraryReaderFor, type MediaStorage, mediaLinkKeys, mediaStorageFromConfig } from '@cadence/media';
import { type AdapterRegistry, defaultAdapters } from '@cadence/networks';
import { createChannelAccess } from '@cadence/networks/oauth/channel-access';
import { DEFAULT_OPTIONS, type PublisherLogger, type PublisherOptions } from './deps';
import { registerHousekeeping } from './jobs/housekeeping';
import { registerNotifications } from './jobs/notifications';
import { registerWebhooks } from './jobs/webhooks';
import { registerMediaSweep } from './jobs/media-sweep';
import { registerMetricsPulls } from './jobs/metrics-pull';
import { registerReportRollups } from './jobs/report-rollups';
import { registerInbox } from './jobs/inbox';
import { createPublisher, type Publisher } from './publisher';

export interface StartPublisherInput {
  db: Db;
  config: Config;
  keyRing: KeyRing;
  logger: PublisherLogger;
  /** The networks to publish to; the real ones by default (tests pass a recording fake). */
  adapters?: AdapterRegistry;
  clock?: () => Date;
  workerId?: string;
  options?: Partial<PublisherOptions>;
  /** The media store (the API's, in process); from the configuration when unset. */
  mediaStorage?: MediaStorage;
}

export interface RunningPublisher {
  publisher: Publisher;
  runner: JobRunner;
  stop(): Promise<void>;
}

export function startPublisher(input: StartPublisherInput): RunningPublisher {
  const { db, config, keyRing, logger } = input;
  const clock = input.clock ?? (() => new Date());
  const mediaStorage = input.mediaStorage ?? mediaStorageFromConfig(config);
  let publisher: Publisher | undefined;
  const runner = createJobRunner({
    db,
    workerId: input.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    logger,
    clock,
    report: () => {
      const stats = publisher?.stats();
      return { inFlight: stats?.held ?? 0, published: stats?.published ?? 0 };
    },
  });
  const adapters =
    input.adapters ??
    defaultAdapters({
      db,
      allowPrivateNetworkUrls: config.allowPrivateNetworkUrls,
      baseUrls: config.networks.baseUrls,
      library: libraryReaderFor({
        db,
        storage: mediaStorage,
        // Instagram, Threads and Facebook fetch library media from signed links on PUBLIC_URL.
        links: { publicUrl: config.publicUrl, keys: mediaLinkKeys(keyRing), now: clock },
      }),
    });
  publisher = createPublisher({
    db,
    adapters,
    keyRing,
    settings: config.publisher,
    logger,
    runner,
    clock,
    ...(input.options ? { options: input.options } : {}),
  });
  registerHousekeeping(
    runner,
    {
      db,
      keyRing,
      clock,
      access: createChannelAccess({
        http: { allowPrivateNetworkUrls: config.allowPrivateNetworkUrls },
        now: clock,
        clients: config.networks.clients,
        baseUrls: config.networks.baseUrls,
      }),
    },
    logger,
  );
  registerNotifications(runner, { db, config, clock, logger });
  registerWebhooks(runner, {
    db,
    keyRing,
    clock,
    logger,
    allowPrivateNetworkUrls: config.allowPrivateNetworkUrls,
  });
  registerMetricsPulls(runner, { db, adapters, keyRing, clock, logger });
  registerInbox(runner, { db, adapters, keyRing, clock, logger });
  registerMediaSweep(runner, { db, storage: mediaStorage, now: clock }, logger);
  registerReportRollups(runner, { db }, logger);
  runner.start();
  logger.info({ workerId: runner.workerId }, 'publisher started');
  const started = publisher;
  return {
    publisher: started,
    runner,
    async stop() {
      await started.stop();
      await runner.stop(input.options?.shutdownTimeoutMs ?? DEFAULT_OPTIONS.shutdownTimeoutMs);
    },
  };
}
