// Publish delays are rolled up as counts in fixed buckets (decision 0255), so a percentile is known
// to a bucket's precision: "the median was at most 5 min". The upper bounds here are the ones
// migration 0016's report_delay_bucket() uses; a test holds the two together. Safe for the browser.

/** Upper bounds in seconds of buckets 1..n-1; bucket 0 is "early by more than a minute", the last is open. */
export const DELAY_BUCKET_BOUNDS = [-60, 60, 300, 900, 1800, 3600, 10_800, 21_600, 86_400, 259_200] as const;
export const DELAY_BUCKETS = DELAY_BUCKET_BOUNDS.length + 1;
/** Bucket 1 is [-60 s, 60 s]: published on time. */
export const ON_TIME_BUCKET = 1;

/** The bucket a delay falls in, as the SQL function computes it. */
export function delayBucketOf(seconds: number): number {
  if (seconds < DELAY_BUCKET_BOUNDS[0]) return 0;
  const index = DELAY_BUCKET_BOUNDS.findIndex((bound, i) => i > 0 && seconds <= bound);
  return index === -1 ? DELAY_BUCKET_BOUNDS.length : index;
}

/**
 * The bucket holding the percentile q (0..1) of a histogram, by the nearest-rank rule (the
 * smallest bucket holding at least ceil(q x total) of the delays); null for an empty histogram.
 */
export function bucketPercentile(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i] ?? 0;
    if (seen >= rank) return i;
  }
  return null;
}

/** A bucket as seconds: its upper bound, or the lower bound of the open last bucket ("over 3 days"). */
export function bucketSeconds(bucket: number | null): number | null {
  if (bucket === null) return null;
  return DELAY_BUCKET_BOUNDS[Math.min(bucket, DELAY_BUCKET_BOUNDS.length - 1)] ?? null;
}
