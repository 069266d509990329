import { describe, expect, it } from 'vitest';
import { bucketPercentile } from './delay-buckets';
import { turnaroundBucketOf, turnaroundBucketSeconds } from './turnaround-buckets';

describe('turnaround buckets', () => {
  it('places a turnaround on the bucket whose upper bound it reaches', () => {
    expect([0, 300, 301, 14_400, 14_401, 604_800, 604_801].map(turnaroundBucketOf)).toEqual([
      0, 0, 1, 5, 6, 10, 11,
    ]);
  });

  it('gives a percentile as its bucket upper bound, the open bucket as 7 days', () => {
    const counts = [0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 1]; // three within 4 h, one over 7 days
    expect(turnaroundBucketSeconds(bucketPercentile(counts, 0.5))).toBe(14_400);
    expect(turnaroundBucketSeconds(bucketPercentile(counts, 0.9))).toBe(604_800);
    expect(turnaroundBucketSeconds(null)).toBeNull();
  });
});
