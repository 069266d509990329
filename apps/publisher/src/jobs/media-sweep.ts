// The media library's sweep as a periodic task on the process's job runner (decision 0063: no
// second loop): composer uploads that no post took up are removed after a day.
import type { Db } from '@cadence/db';
import type { JobRunner } from '@cadence/jobs';
import { type MediaStorage, sweepUnattachedMedia } from '@cadence/media';
import type { PublisherLogger } from '../deps';

const EVERY_HOUR = 3_600_000;

export function registerMediaSweep(
  runner: JobRunner,
  deps: { db: Db; storage: MediaStorage; now: () => Date },
  logger: PublisherLogger,
): void {
  runner.every('housekeeping:media-sweep', EVERY_HOUR, async () => {
    const removed = await sweepUnattachedMedia(deps);
    if (removed > 0) logger.info({ removed }, 'unattached media removed');
  });
}
