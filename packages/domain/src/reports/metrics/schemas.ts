// Metrics pulled back from the networks (issue 17): names, the decaying pull schedule, and the
// shape adapters answer in. Safe for the browser.
import { METRIC_NAMES, type MetricName } from '@cadence/names';

export { METRIC_NAMES, type MetricName };

/**
 * When a published target's figures are pulled, counted from its publication: 1 h, 6 h, 24 h,
 * 3 days, 7 days, 30 days. Engagement comes early and fades; pulling often later would spend the
 * networks' rate limits for figures that hardly move.
 */
export const PULL_AFTER_MS = [
  3600_000,
  6 * 3600_000,
  24 * 3600_000,
  3 * 24 * 3600_000,
  7 * 24 * 3600_000,
  30 * 24 * 3600_000,
] as const;

/** What a network answered for one post: only the figures it gives (absent = not available). */
export type PulledMetrics = Partial<Record<MetricName, number>>;

/** Job kinds on the shared runner. */
export const METRICS_PULL_JOB = 'metrics.pull';
export const FOLLOWERS_PULL_JOB = 'metrics.followers';

/** The networks Cadence pulls figures from today (the others' reports say "not available"). */
export const METRICS_NETWORKS = ['mastodon', 'bluesky'] as const;

/** The time of the pull at `stage` (0-based) for a target published at `publishedAt`. */
export function pullTime(publishedAt: Date, stage: number): Date | null {
  const after = PULL_AFTER_MS[stage];
  return after === undefined ? null : new Date(publishedAt.getTime() + after);
}
