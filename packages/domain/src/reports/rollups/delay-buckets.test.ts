import { describe, expect, it } from 'vitest';
import { bucketPercentile, bucketSeconds, DELAY_BUCKETS, delayBucketOf } from './delay-buckets';

describe('delay buckets', () => {
  it('places a delay on the bucket whose upper bound it reaches', () => {
    expect(delayBucketOf(-61)).toBe(0);
    expect(delayBucketOf(-60)).toBe(1);
    expect(delayBucketOf(60)).toBe(1);
    expect(delayBucketOf(61)).toBe(2);
    expect(delayBucketOf(300)).toBe(2);
    expect(delayBucketOf(259_200)).toBe(9);
    expect(delayBucketOf(259_201)).toBe(DELAY_BUCKETS - 1);
  });

  it('finds the bucket holding the rank of a percentile', () => {
    const counts = new Array(DELAY_BUCKETS).fill(0);
    counts[1] = 5; // on time
    counts[3] = 4; // 5 to 15 min
    counts[10] = 1; // over 3 days
    expect(bucketPercentile(counts, 0.5)).toBe(1);
    expect(bucketPercentile(counts, 0.6)).toBe(3);
    expect(bucketPercentile(counts, 0.9)).toBe(3);
    expect(bucketPercentile(counts, 1)).toBe(10);
    expect([bucketSeconds(1), bucketSeconds(3), bucketSeconds(10), bucketSeconds(null)]).toEqual([
      60,
      900,
      259_200,
      null,
    ]);
    expect(bucketPercentile(new Array(DELAY_BUCKETS).fill(0), 0.5)).toBeNull();
  });
});
