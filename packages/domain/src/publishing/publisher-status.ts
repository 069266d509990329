// Is anything publishing? Read from the heartbeats every publisher process writes.
import { type Executor, publisherHeartbeats } from '@cadence/db';
import { desc } from 'drizzle-orm';
import type { PublisherStatus } from './schemas';

/**
 * A publisher is stalled after this long without a heartbeat. Every process's job runner beats each
 * second whatever the claim tick, so five missed beats is a crash, not a busy moment; the runner
 * itself hands a silent worker's targets back after 3.5 s.
 */
export const STALE_AFTER_MS = 5_000;

export async function getPublisherStatus(db: Executor, now: Date): Promise<PublisherStatus> {
  const beats = await db
    .select()
    .from(publisherHeartbeats)
    .orderBy(desc(publisherHeartbeats.beatAt))
    .limit(50);
  const freshAfter = now.getTime() - STALE_AFTER_MS;
  const alive = beats.filter((b) => b.stoppedAt === null && b.beatAt.getTime() >= freshAfter);
  const newest = beats[0];
  if (alive.length > 0) {
    const since = new Date(Math.min(...alive.map((b) => b.startedAt.getTime())));
    return {
      state: 'running',
      since,
      lastBeatAt: newest?.beatAt ?? null,
      workers: alive.length,
      message: `${alive.length} publisher${alive.length === 1 ? '' : 's'} running`,
    };
  }
  if (!newest) {
    return {
      state: 'never_started',
      since: null,
      lastBeatAt: null,
      workers: 0,
      message: 'No publisher has ever run: scheduled posts will not go out',
    };
  }
  if (newest.stoppedAt) {
    return {
      state: 'stopped',
      since: newest.stoppedAt,
      lastBeatAt: newest.beatAt,
      workers: 0,
      message: `Publisher stopped since ${newest.stoppedAt.toISOString()}: scheduled posts will not go out`,
    };
  }
  return {
    state: 'stalled',
    since: newest.beatAt,
    lastBeatAt: newest.beatAt,
    workers: 0,
    message: `Publisher stalled since ${newest.beatAt.toISOString()}`,
  };
}
