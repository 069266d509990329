// Approval turnarounds are rolled up as counts in fixed buckets (decision 0302), so p50/p90 are
// known to a bucket's precision: "the median was at most 4 h". The upper bounds are the ones
// migration 0026's report_turnaround_bucket() uses; a test holds the two together. Safe for the
// browser.

/** Upper bounds in seconds of buckets 0..n-2; the last bucket ("over 7 days") is open. */
export const TURNAROUND_BUCKET_BOUNDS = [
  300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 259_200, 604_800,
] as const;

/** The bucket a turnaround falls in, as the SQL function computes it. */
export function turnaroundBucketOf(seconds: number): number {
  const index = TURNAROUND_BUCKET_BOUNDS.findIndex((bound) => seconds <= bound);
  return index === -1 ? TURNAROUND_BUCKET_BOUNDS.length : index;
}

/** A bucket as seconds: its upper bound, or the lower bound of the open last bucket ("over 7 days"). */
export function turnaroundBucketSeconds(bucket: number | null): number | null {
  if (bucket === null) return null;
  return TURNAROUND_BUCKET_BOUNDS[Math.min(bucket, TURNAROUND_BUCKET_BOUNDS.length - 1)] ?? null;
}
