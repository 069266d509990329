// Two claim lanes for the fan-out (decision 0260). A publisher draining thousands of targets records
// one post-outcome event per post; taken oldest first with everything else, a person-directed event
// (submitted for review, a mention, a role change) recorded during the drain waited behind all of
// them (p99 3.6 s in bench/notifications.bench.ts). Outcomes go to their own lane, fanned out by a
// task of their own, so the people lane only ever waits for events like its own.
import type { NotificationKind } from '@cadence/names';

export type FanOutLane = 'people' | 'publications';

const PUBLICATION_OUTCOMES: ReadonlySet<NotificationKind> = new Set([
  'post_published',
  'post_partly_published',
  'post_failed',
  'post_outcome_unknown',
  'post_missed',
]);

/** Publication outcomes come in bulk (one per post of a drain); everything else is the people lane. */
export const laneOf = (kind: NotificationKind): FanOutLane =>
  PUBLICATION_OUTCOMES.has(kind) ? 'publications' : 'people';
