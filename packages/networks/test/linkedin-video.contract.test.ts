// LinkedIn video through the Videos API (issue 14): the file streamed from the library in the byte
// ranges LinkedIn gives, each part's ETag handed back in order at finalizeUpload, processing waited
// on, the post referring to the video URN; and a retry reuses the video or images LinkedIn holds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PublishRequest } from '../src/adapter';
import { createLinkedinAdapter } from '../src/linkedin/adapter';
import { fakeLibrary, libraryRef, memoryUploads } from '../src/testing/library';
import { type LinkedinVideosStandIn, linkedinVideoRoutes } from '../src/testing/linkedin-videos';
import { failureOf, publishRequest, signal } from '../src/testing/publish-request';
import { type FakeNetwork, PNG, startFakeNetwork } from '../src/testing/server';

const VIDEO = 'd1e2f3a4-b5c6-4d7e-8f90-1a2b3c4d5e6f';
const videoBytes = Buffer.concat([
  Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
  Buffer.alloc(35_000 - 24, 3),
]);
const items = {
  [VIDEO]: {
    workspaceId: 'ws-1',
    file: { bytes: videoBytes, mimeType: 'video/mp4', width: 1920, height: 1080 },
  },
  [libraryRef('').mediaId]: {
    workspaceId: 'ws-1',
    file: { bytes: PNG, mimeType: 'image/png', width: 1, height: 1 },
  },
};

let net: FakeNetwork;
let videos: LinkedinVideosStandIn;
let postAnswer = 201;
let images = 0;
const posts: Record<string, unknown>[] = [];

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    videos = linkedinVideoRoutes(app, () => net.url);
    app.post('/rest/images', async () => ({
      value: { uploadUrl: `${net.url}/upload/image`, image: `urn:li:image:C4E${++images}` },
    }));
    app.put('/upload/image', async (_request, reply) => reply.code(201).send());
    app.post('/rest/posts', async (request, reply) => {
      if (postAnswer !== 201) return reply.code(postAnswer).send({ status: postAnswer, message: 'Down' });
      posts.push(request.body as Record<string, unknown>);
      return reply.code(201).header('x-restli-id', `urn:li:share:70000000000000000${posts.length}`).send();
    });
  });
  videos.partBytes = 10_000;
});
afterAll(() => net.close());
beforeEach(() => {
  posts.length = 0;
  postAnswer = 201;
  videos.nextStatuses = ['AVAILABLE'];
});

const credentials = { accessToken: 'token', author: 'urn:li:person:abc123' };
const videoRef = {
  url: `/api/v1/workspaces/ws-1/media/${VIDEO}/content`,
  alt: 'Our launch',
  kind: 'video' as const,
  mediaId: VIDEO,
};
const request = (overrides: Partial<PublishRequest> = {}) =>
  publishRequest({ network: 'linkedin', credentials, text: 'Launch day', media: [videoRef], ...overrides });

function setup() {
  const library = fakeLibrary(items);
  const uploads = memoryUploads();
  const adapter = createLinkedinAdapter({
    http: { allowPrivateNetworkUrls: true },
    baseUrl: net.url,
    library,
    uploads,
    pollIntervalMs: 1,
  });
  return { adapter, library, uploads };
}

describe('LinkedIn video', () => {
  it('uploads the video in LinkedIn’s ranges, finalizes with the ETags, waits for it, and posts it', async () => {
    const { adapter, library } = setup();
    videos.nextStatuses = ['PROCESSING', 'PROCESSING', 'AVAILABLE'];
    await adapter.publish(request(), signal());

    const [video] = [...videos.videos.values()].slice(-1);
    expect(video).toMatchObject({ owner: 'urn:li:person:abc123', fileSizeBytes: 35_000, partCount: 4 });
    expect([...(video?.parts.values() ?? [])].map((p) => p.bytes)).toEqual([10_000, 10_000, 10_000, 5_000]);
    expect(library.streamed).toEqual([{ mediaId: VIDEO, chunks: 3 }]);
    expect(videos.checks.filter((urn) => urn === video?.urn)).toHaveLength(3);
    expect(posts[0]).toMatchObject({ content: { media: { id: video?.urn, title: 'Our launch' } } });
  });

  it('fails for good, naming the reason, when LinkedIn cannot process the video', async () => {
    const { adapter } = setup();
    videos.nextStatuses = ['PROCESSING', 'PROCESSING_FAILED'];
    const failure = await failureOf(adapter.publish(request(), signal()));
    expect(failure).toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('Unsupported codec'),
    });
    expect(posts).toEqual([]);
  });

  it('refuses a video mixed with images before uploading anything', async () => {
    const { adapter } = setup();
    const before = videos.videos.size;
    const failure = await failureOf(
      adapter.publish(request({ media: [videoRef, libraryRef('Poster')] }), signal()),
    );
    expect(failure).toMatchObject({ kind: 'permanent', reason: expect.stringContaining('one video alone') });
    expect(videos.videos.size).toBe(before);
  });

  it('a retry after the post failed refers to the video and images LinkedIn already holds', async () => {
    const { adapter } = setup();
    postAnswer = 503;
    expect(await failureOf(adapter.publish(request(), signal()))).toMatchObject({ kind: 'transient' });
    const before = videos.videos.size;
    postAnswer = 201;
    await adapter.publish(request(), signal());
    expect(videos.videos.size).toBe(before);
    const [video] = [...videos.videos.values()].slice(-1);
    expect(posts[0]).toMatchObject({ content: { media: { id: video?.urn } } });

    const withImages = {
      targetId: '2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5f6',
      media: [libraryRef('Poster'), { ...libraryRef('Again'), url: `${libraryRef('').url}?2` }],
    };
    postAnswer = 503;
    await failureOf(adapter.publish(request(withImages), signal()));
    const imagesBefore = images;
    postAnswer = 201;
    await adapter.publish(request(withImages), signal());
    expect(images).toBe(imagesBefore);
    expect(posts[1]).toMatchObject({
      content: { multiImage: { images: [{ id: 'urn:li:image:C4E1' }, { id: 'urn:li:image:C4E2' }] } },
    });
  });
});
