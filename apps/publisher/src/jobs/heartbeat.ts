// "I am alive, holding this much": the API reads the newest beat to tell a stalled publisher
// from a busy one.
import { hostname } from 'node:os';
import { publisherHeartbeats } from '@cadence/db';
import type { PublisherDeps } from '../deps';

export async function beat(
  deps: Pick<PublisherDeps, 'db' | 'workerId' | 'clock'>,
  state: { startedAt: Date; inFlight: number; published: number; stopped?: boolean },
) {
  const now = deps.clock();
  const values = {
    beatAt: now,
    inFlight: state.inFlight,
    published: state.published,
    stoppedAt: state.stopped ? now : null,
  };
  await deps.db
    .insert(publisherHeartbeats)
    .values({
      workerId: deps.workerId,
      hostname: hostname(),
      pid: process.pid,
      startedAt: state.startedAt,
      ...values,
    })
    .onConflictDoUpdate({ target: publisherHeartbeats.workerId, set: values });
}
