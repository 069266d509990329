// Each network's media rules per attachment (issue 14), and the charter's alt-text rule.
import { describe, expect, it } from 'vitest';
import { checkPost } from './check-post';
import { charter, inEnglish, inFrench, postInput } from './test-support';

const photo = (over: Partial<{ bytes: number; width: number; height: number; alt: string }> = {}) => ({
  kind: 'image' as const,
  bytes: 500_000,
  width: 1080,
  height: 1350,
  alt: 'A red bicycle',
  ...over,
});

describe('checkPost: media of each attachment', () => {
  it('blocks an image over Bluesky’s 1,000,000 bytes on that item only, and not on Mastodon', () => {
    const items = [photo(), photo({ bytes: 1_400_000 })];
    const violations = checkPost(
      postInput({
        targets: [
          { channelId: 'b', network: 'bluesky', mediaItems: items },
          { channelId: 'm', network: 'mastodon', mediaItems: items },
        ],
      }),
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      rule: 'network.mediaBytes',
      severity: 'block',
      network: 'bluesky',
      item: 1,
      field: 'media',
    });
    expect(inEnglish(violations[0])).toBe('Too large for Bluesky (1.4 MB > 1 MB).');
    expect(inFrench(violations[0])).toBe('Trop lourd pour Bluesky (1,4\u00a0Mo > 1\u00a0Mo).');
    // Exactly at the limit passes.
    expect(
      checkPost(
        postInput({
          targets: [{ channelId: 'b', network: 'bluesky', mediaItems: [photo({ bytes: 1_000_000 })] }],
        }),
      ),
    ).toEqual([]);
  });

  it('holds Instagram images to 4:5 .. 1.91:1', () => {
    const check = (width: number, height: number) =>
      checkPost(
        postInput({
          targets: [{ channelId: 'i', network: 'instagram', mediaItems: [photo({ width, height })] }],
        }),
      ).map((v) => v.rule);
    expect(check(1080, 1350)).toEqual([]); // 4:5
    expect(check(1910, 1000)).toEqual([]); // 1.91:1
    expect(check(1080, 1920)).toEqual(['network.mediaAspect']); // 9:16 story shape
    expect(check(3000, 1000)).toEqual(['network.mediaAspect']); // 3:1 panorama
  });

  it('blocks a video longer than the network takes', () => {
    const video = {
      kind: 'video' as const,
      bytes: 10_000_000,
      width: 1280,
      height: 720,
      durationMs: 200_000,
      alt: 'x',
    };
    const rules = (network: 'x' | 'bluesky' | 'mastodon') =>
      checkPost(postInput({ targets: [{ channelId: 'c', network, mediaItems: [video] }] })).map(
        (v) => v.rule,
      );
    expect(rules('x')).toEqual(['network.videoLength']); // 140 s
    expect(rules('bluesky')).toEqual(['network.videoLength']); // 180 s
    expect(rules('mastodon')).toEqual([]);
  });

  it('holds a Facebook Page video to Meta’s 1 GB and 20 minutes for a video fetched from a URL', () => {
    const video = (over: { bytes?: number; durationMs?: number }) => ({
      kind: 'video' as const,
      bytes: 900_000_000,
      width: 1280,
      height: 720,
      durationMs: 1_200_000,
      alt: 'x',
      ...over,
    });
    const rules = (item: ReturnType<typeof video>) =>
      checkPost(postInput({ targets: [{ channelId: 'f', network: 'facebook', mediaItems: [item] }] })).map(
        (v) => v.rule,
      );
    expect(rules(video({}))).toEqual([]);
    expect(rules(video({ durationMs: 1_201_000 }))).toEqual(['network.videoLength']);
    expect(rules(video({ bytes: 1_000_000_001 }))).toEqual(['network.mediaBytes']);
  });

  it('asks for alt text only when the charter says so, with its severity', () => {
    const items = [photo(), photo({ alt: '  ' })];
    const target = { channelId: 'm', network: 'mastodon' as const, mediaItems: items };
    expect(checkPost(postInput({ targets: [target] }))).toEqual([]);
    for (const severity of ['warn', 'block'] as const) {
      const violations = checkPost(
        postInput({ targets: [target], charter: charter({ rules: { altText: { severity } } }) }),
      );
      expect(violations).toEqual([
        expect.objectContaining({ rule: 'altText', severity, item: 1, field: 'media' }),
      ]);
    }
    // Turned off for one network by an override.
    const off = charter({
      rules: { altText: { severity: 'block' } },
      overrides: { mastodon: { altText: null } },
    });
    expect(checkPost(postInput({ targets: [target], charter: off }))).toEqual([]);
  });
});
