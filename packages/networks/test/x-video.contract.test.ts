// X video through the documented chunked upload (issue 14): the file streamed from the library in
// pieces, X's processing waited on (in_progress then succeeded, or failed), and a media id that X
// holds reused by a retry until it expires.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PublishRequest } from '../src/adapter';
import { createXAdapter } from '../src/x/adapter';
import { fakeLibrary, libraryRef, memoryUploads } from '../src/testing/library';
import { failureOf, publishRequest, signal } from '../src/testing/publish-request';
import { type FakeNetwork, PNG, startFakeNetwork } from '../src/testing/server';
import { type XMediaStandIn, xMediaRoutes } from '../src/testing/x-media';

const VIDEO = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
// 45,000 bytes: five pieces of 10,000 bytes or less, read from 16 KiB store chunks.
const videoBytes = Buffer.concat([
  Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
  Buffer.alloc(45_000 - 24, 7),
]);
const video = {
  workspaceId: 'ws-1',
  file: { bytes: videoBytes, mimeType: 'video/mp4', width: 1280, height: 720 },
};
const image = { workspaceId: 'ws-1', file: { bytes: PNG, mimeType: 'image/png', width: 1, height: 1 } };

let net: FakeNetwork;
let media: XMediaStandIn;
let tweetAnswer = 201;
const tweets: Record<string, unknown>[] = [];

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    media = xMediaRoutes(app);
    app.post('/2/media/metadata', async () => ({ data: { associated_metadata: true } }));
    app.post('/2/tweets', async (request, reply) => {
      if (tweetAnswer !== 201)
        return reply.code(tweetAnswer).send({ title: 'Service Unavailable', status: tweetAnswer });
      tweets.push(request.body as Record<string, unknown>);
      return reply.code(201).send({ data: { id: String(1445880548472328190n + BigInt(tweets.length)) } });
    });
  });
});
afterAll(() => net.close());
beforeEach(() => {
  tweets.length = 0;
  tweetAnswer = 201;
  media.nextStates = [];
});

const credentials = { accessToken: 'token', userId: '2244994945', username: 'cadence' };
const videoRef = {
  url: `/api/v1/workspaces/ws-1/media/${VIDEO}/content`,
  alt: 'Demo',
  kind: 'video' as const,
  mediaId: VIDEO,
};

function setup(clock?: () => Date) {
  const library = fakeLibrary({ [VIDEO]: video, [libraryRef('').mediaId]: image });
  const uploads = memoryUploads();
  const adapter = createXAdapter({
    http: { allowPrivateNetworkUrls: true },
    baseUrl: net.url,
    library,
    uploads,
    pieceBytes: 10_000,
    pollIntervalMs: 1,
    ...(clock ? { clock } : {}),
  });
  return { library, uploads, adapter };
}
const request = (overrides: Partial<PublishRequest> = {}) =>
  publishRequest({ network: 'x', credentials, text: 'Watch', media: [videoRef], ...overrides });

describe('X video', () => {
  it('streams the video in pieces, waits while X processes it, then posts it', async () => {
    const { adapter, library } = setup();
    media.nextStates = ['in_progress', 'succeeded'];
    const published = await adapter.publish(request(), signal());

    const [upload] = [...media.uploads.values()].slice(-1);
    expect(upload).toMatchObject({ mediaType: 'video/mp4', category: 'tweet_video', totalBytes: 45_000 });
    expect([...(upload?.segments.entries() ?? [])]).toEqual([
      [0, 10_000],
      [1, 10_000],
      [2, 10_000],
      [3, 10_000],
      [4, 5_000],
    ]);
    // Read from the store chunk by chunk as the pieces went out, never as one buffer.
    expect(library.streamed).toEqual([{ mediaId: VIDEO, chunks: 3 }]);
    expect(media.statusChecks.filter((id) => id === upload?.id)).toHaveLength(2);
    expect(tweets).toEqual([{ text: 'Watch', media: { media_ids: [upload?.id] } }]);
    expect(published.externalUrl).toContain('https://x.com/cadence/status/');
  });

  it('fails for good, naming X’s reason, when X cannot process the video', async () => {
    const { adapter } = setup();
    media.nextStates = ['in_progress', 'failed'];
    const failure = await failureOf(adapter.publish(request(), signal()));
    expect(failure).toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('Unsupported video format'),
    });
    expect(tweets).toEqual([]);
  });

  it('a retry after the post failed reuses the video and images X already holds', async () => {
    const { adapter, uploads } = setup();
    tweetAnswer = 503;
    expect(await failureOf(adapter.publish(request(), signal()))).toMatchObject({ kind: 'transient' });
    const videosBefore = media.uploads.size;
    expect(uploads.saved.size).toBe(1);

    tweetAnswer = 201;
    await adapter.publish(request(), signal());
    expect(media.uploads.size).toBe(videosBefore);
    const [remembered] = [...uploads.saved.values()] as { id: string }[];
    expect(tweets).toEqual([{ text: 'Watch', media: { media_ids: [remembered?.id] } }]);

    const images = { media: [libraryRef('Poster')], targetId: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f6' };
    tweetAnswer = 503;
    await failureOf(adapter.publish(request(images), signal()));
    const imagesBefore = media.images.length;
    tweetAnswer = 201;
    await adapter.publish(request(images), signal());
    expect(media.images.length).toBe(imagesBefore);
  });

  it('uploads again once X’s media id has expired (expires_after_secs)', async () => {
    let at = new Date('2026-03-01T10:00:00Z');
    const { adapter } = setup(() => at);
    tweetAnswer = 503;
    await failureOf(adapter.publish(request(), signal()));
    const before = media.uploads.size;
    at = new Date('2026-03-02T10:00:00Z');
    tweetAnswer = 201;
    await adapter.publish(request(), signal());
    expect(media.uploads.size).toBe(before + 1);
  });
});
