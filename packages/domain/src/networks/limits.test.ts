import { describe, expect, it } from 'vitest';
import { networkLimits } from './limits';
import { NETWORKS, networkSchema } from './schemas';

describe('networkLimits', () => {
  it('has limits for every network', () => {
    for (const network of NETWORKS) expect(networkLimits(network).network).toBe(network);
  });

  it('carries the documented text limits', () => {
    const lengths = Object.fromEntries(NETWORKS.map((n) => [n, networkLimits(n).maxLength]));
    expect(lengths).toEqual({
      mastodon: 500,
      bluesky: 300,
      linkedin: 3000,
      x: 280,
      facebook: 63206,
      instagram: 2200,
      threads: 500,
      webhook: 10000,
      sandbox: 10000,
    });
  });

  it('requires media only on Instagram', () => {
    expect(NETWORKS.filter((n) => networkLimits(n).media.required)).toEqual(['instagram']);
  });
});

describe('networkSchema', () => {
  it('accepts the known networks only', () => {
    expect(networkSchema.safeParse('bluesky').success).toBe(true);
    expect(networkSchema.safeParse('myspace').success).toBe(false);
  });
});
