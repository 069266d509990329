// The Bluesky adapter against a local PDS stand-in implementing the XRPC endpoints it uses
// (createSession, refreshSession, getRecord, createRecord, uploadBlob, resolveHandle) with the
// PDS's error names. The real-PDS interop test is bluesky.pds.interop.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBlueskyAdapter } from '../src/bluesky/adapter';
import { buildFacets, byteRange } from '../src/bluesky/facets';
import { TID_PATTERN, deterministicTid } from '../src/bluesky/tid';
import { type FakeNetwork, bearer, MP4, mediaRoutes, PNG, startFakeNetwork } from '../src/testing/server';
import { fakeLibrary, LIBRARY_ITEM, libraryRef, memoryUploads } from '../src/testing/library';
import { failureOf, publishRequest, signal } from '../src/testing/publish-request';

let net: FakeNetwork;
let accessJwt = 'access-1';
let mode: 'ok' | 'expire_next' | 'rate_limited' | 'down' | 'invalid_record' | 'records_down' = 'ok';
let maxBlobBytes = Number.POSITIVE_INFINITY;
const records = new Map<string, { uri: string; cid: string; value: Record<string, unknown> }>();

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    mediaRoutes(app);
    app.get('/article', async (_req, reply) =>
      reply
        .type('text/html')
        .send(
          '<html><head><title>Fallback</title><meta content="Launch &amp; more" property="og:title"><meta name="description" content="All about it"></head></html>',
        ),
    );
    app.post('/xrpc/com.atproto.server.createSession', async (request, reply) => {
      const body = request.body as { identifier: string; password: string };
      if (body.password !== 'app-pass-word')
        return reply
          .code(401)
          .send({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      return { accessJwt, refreshJwt: 'refresh-1', did: 'did:plc:alice', handle: 'alice.example' };
    });
    app.post('/xrpc/com.atproto.server.refreshSession', async (request, reply) => {
      if (bearer(request) !== 'refresh-1')
        return reply.code(400).send({ error: 'ExpiredToken', message: 'Token has expired' });
      accessJwt = 'access-2';
      return { accessJwt, refreshJwt: 'refresh-1', did: 'did:plc:alice', handle: 'alice.example' };
    });
    app.addHook('preHandler', async (request, reply) => {
      if (!request.url.startsWith('/xrpc/') || request.url.includes('Session')) return;
      if (mode === 'expire_next') {
        mode = 'ok';
        accessJwt = 'expired';
      }
      if (bearer(request) !== accessJwt)
        return reply.code(400).send({ error: 'ExpiredToken', message: 'Token has expired' });
      if (mode === 'rate_limited')
        return reply
          .code(429)
          .header('ratelimit-reset', String(Math.floor(Date.now() / 1000) + 300))
          .send({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
      if (mode === 'down') return reply.code(502).send({ error: 'UpstreamFailure' });
    });
    app.get('/xrpc/com.atproto.repo.getRecord', async (request, reply) => {
      const { rkey } = request.query as { rkey: string };
      const found = records.get(rkey);
      return found
        ? found
        : reply.code(400).send({ error: 'RecordNotFound', message: `Could not locate record: ${rkey}` });
    });
    app.get('/xrpc/com.atproto.identity.resolveHandle', async (request, reply) => {
      const { handle } = request.query as { handle: string };
      return handle === 'bob.example'
        ? { did: 'did:plc:bob' }
        : reply.code(400).send({ error: 'InvalidRequest', message: 'Unable to resolve handle' });
    });
    app.post('/xrpc/com.atproto.repo.uploadBlob', async (request, reply) => {
      const size = (request.body as Buffer).length;
      // The PDS refuses a blob over its configured limit, naming the sizes (BlobTooLarge).
      if (size > maxBlobBytes)
        return reply.code(400).send({
          error: 'BlobTooLarge',
          message: `This file is too large. It is ${size} bytes but the maximum size is ${maxBlobBytes} bytes.`,
        });
      return {
        blob: {
          $type: 'blob',
          ref: { $link: 'bafkreiblob' },
          mimeType: request.headers['content-type'],
          size,
        },
      };
    });
    app.post('/xrpc/com.atproto.repo.createRecord', async (request, reply) => {
      const body = request.body as { rkey: string; record: Record<string, unknown> };
      if (mode === 'records_down') return reply.code(503).send({ error: 'UpstreamFailure' });
      if (mode === 'invalid_record')
        return reply
          .code(400)
          .send({ error: 'InvalidRecord', message: 'Record/text must not be longer than 300 graphemes' });
      if (records.has(body.rkey))
        return reply.code(400).send({ error: 'InvalidRequest', message: 'Record already exists' });
      const record = {
        uri: `at://did:plc:alice/app.bsky.feed.post/${body.rkey}`,
        cid: `cid-${body.rkey}`,
        value: body.record,
      };
      records.set(body.rkey, record);
      return { uri: record.uri, cid: record.cid };
    });
  });
});
afterAll(() => net.close());
beforeEach(() => {
  mode = 'ok';
  maxBlobBytes = Number.POSITIVE_INFINITY;
  records.clear();
  net.requests.length = 0;
});

const adapter = () => createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true } });
const creds = () => ({ service: net.url, identifier: 'alice.example', appPassword: 'app-pass-word' });

describe('record keys and facets', () => {
  it('derives a valid, stable TID per key, different for the comment', () => {
    const a = deterministicTid('target-1');
    expect(a).toMatch(TID_PATTERN);
    expect(deterministicTid('target-1')).toBe(a);
    expect(deterministicTid('target-1:comment')).not.toBe(a);
  });

  it('addresses facets in UTF-8 bytes', () => {
    const text = 'é👍 #tag @bob.example https://x.example/é';
    const facets = buildFacets(text, new Map([['bob.example', 'did:plc:bob']]));
    const bytes = Buffer.from(text);
    expect(facets.map((f) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString())).toEqual([
      '#tag',
      '@bob.example',
      'https://x.example/é',
    ]);
    expect(byteRange('é#a', 1, 3)).toEqual({ byteStart: 2, byteEnd: 4 });
  });
});

describe('Bluesky adapter', () => {
  it('posts once per target: a retry finds the record and does not create another', async () => {
    const request = publishRequest({
      network: 'bluesky',
      credentials: creds(),
      text: 'Hi @bob.example and @nobody.example #launch',
    });
    const a = adapter();
    const first = await a.publish(request, signal());
    const second = await a.publish(request, signal());
    expect(second.externalId).toBe(first.externalId);
    expect(records.size).toBe(1);
    expect(net.requests.filter((r) => r.path.endsWith('createRecord'))).toHaveLength(1);
    const value = [...records.values()][0]?.value as { facets: { features: { did?: string }[] }[] };
    // @nobody.example does not resolve and stays text.
    expect(value.facets.flatMap((f) => f.features.map((x) => x.did)).filter(Boolean)).toEqual([
      'did:plc:bob',
    ]);
    expect(await a.findExisting?.(request, signal())).toEqual(first);
  });

  it('uploads images as blobs with alt text, or makes a link card from the page', async () => {
    await adapter().publish(
      publishRequest({
        network: 'bluesky',
        credentials: creds(),
        targetId: 't-image',
        media: [{ url: `${net.url}/image.png`, alt: 'Poster', kind: 'image' }],
      }),
      signal(),
    );
    expect(records.get(deterministicTid('t-image'))?.value.embed).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        {
          alt: 'Poster',
          image: { $type: 'blob', ref: { $link: 'bafkreiblob' }, mimeType: 'image/png', size: 70 },
        },
      ],
    });
    await adapter().publish(
      publishRequest({
        network: 'bluesky',
        credentials: creds(),
        targetId: 't-link',
        link: `${net.url}/article`,
      }),
      signal(),
    );
    expect(records.get(deterministicTid('t-link'))?.value.embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: { uri: `${net.url}/article`, title: 'Launch & more', description: 'All about it' },
    });
  });

  it('publishes a library item with alt and aspect ratio, and a retry reuses the blob (issue 14)', async () => {
    const uploads = memoryUploads();
    const a = createBlueskyAdapter({
      http: { allowPrivateNetworkUrls: true },
      library: fakeLibrary(),
      uploads,
    });
    const request = publishRequest({
      network: 'bluesky',
      credentials: creds(),
      targetId: 't-library',
      media: [libraryRef('The launch poster')],
    });
    mode = 'records_down';
    expect((await failureOf(a.publish(request, signal()))).kind).toBe('transient');
    mode = 'ok';
    await a.publish(request, signal());
    expect(net.requests.filter((r) => r.path.endsWith('uploadBlob'))).toHaveLength(1);
    expect(records.get(deterministicTid('t-library'))?.value.embed).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        {
          alt: 'The launch poster',
          aspectRatio: { width: 1200, height: 800 },
          image: { $type: 'blob', ref: { $link: 'bafkreiblob' }, mimeType: 'image/png', size: 70 },
        },
      ],
    });
  });

  it('uploads the blob again when the retry comes after the PDS may have collected it (minutes)', async () => {
    let at = new Date('2026-03-01T10:00:00Z');
    const a = createBlueskyAdapter({
      http: { allowPrivateNetworkUrls: true },
      library: fakeLibrary(),
      uploads: memoryUploads(),
      clock: () => at,
    });
    const request = publishRequest({
      network: 'bluesky',
      credentials: creds(),
      targetId: 't-library-late',
      media: [libraryRef('Poster')],
    });
    const blobs = () => net.requests.filter((r) => r.path.endsWith('uploadBlob')).length;
    const before = blobs();
    mode = 'records_down';
    await failureOf(a.publish(request, signal()));
    at = new Date('2026-03-01T10:05:00Z');
    await failureOf(a.publish(request, signal()));
    expect(blobs()).toBe(before + 1);
    mode = 'ok';
    at = new Date('2026-03-01T10:20:00Z');
    await a.publish(request, signal());
    expect(blobs()).toBe(before + 2);
  });

  it('publishes a library video streamed to uploadBlob with alt and aspect ratio, uploaded once; refusals are clear', async () => {
    const VIDEO = '7c2d9e41-5a6b-4c3d-8e9f-0a1b2c3d4e5f';
    // Larger than one storage chunk, so the upload is read from the store piece by piece.
    const bytes = Buffer.concat([MP4, Buffer.alloc(100_000, 7)]);
    const items = (mimeType: string) => ({
      [VIDEO]: { workspaceId: 'ws-1', file: { bytes, mimeType, width: 1080, height: 1920 } },
      [LIBRARY_ITEM]: {
        workspaceId: 'ws-1',
        file: { bytes: PNG, mimeType: 'image/png', width: 2, height: 1 },
      },
    });
    const library = fakeLibrary(items('video/mp4'));
    const a = createBlueskyAdapter({
      http: { allowPrivateNetworkUrls: true },
      library,
      uploads: memoryUploads(),
    });
    const video = {
      url: `/api/v1/workspaces/ws-1/media/${VIDEO}/content`,
      alt: 'Dough rising',
      kind: 'video' as const,
      mediaId: VIDEO,
    };
    const request = publishRequest({
      network: 'bluesky',
      credentials: creds(),
      targetId: 't-video',
      text: 'Morning bake',
      media: [video],
    });
    const uploadsSeen = () => net.requests.filter((r) => r.path.endsWith('uploadBlob'));
    mode = 'records_down';
    expect((await failureOf(a.publish(request, signal()))).kind).toBe('transient');
    mode = 'ok';
    await a.publish(request, signal());
    expect(uploadsSeen()).toHaveLength(1);
    expect(uploadsSeen()[0]?.headers).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(bytes.length),
    });
    expect(Buffer.compare(uploadsSeen()[0]?.body as Buffer, bytes)).toBe(0);
    expect(library.streamed).toEqual([{ mediaId: VIDEO, chunks: 7 }]);
    const record = records.get(deterministicTid('t-video'))?.value;
    expect(record?.text).toBe('Morning bake');
    expect(record?.embed).toEqual({
      $type: 'app.bsky.embed.video',
      video: { $type: 'blob', ref: { $link: 'bafkreiblob' }, mimeType: 'video/mp4', size: bytes.length },
      alt: 'Dough rising',
      aspectRatio: { width: 1080, height: 1920 },
    });

    // Refused before anything is sent: a video beside an image, a video that is not MP4.
    const refused = async (over: Partial<typeof request>, lib = library) => {
      const other = createBlueskyAdapter({
        http: { allowPrivateNetworkUrls: true },
        library: lib,
        uploads: memoryUploads(),
      });
      return failureOf(other.publish({ ...request, targetId: 't-video-refused', ...over }, signal()));
    };
    expect(await refused({ media: [video, libraryRef('Poster')] })).toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('one video per post'),
    });
    expect(await refused({}, fakeLibrary(items('video/quicktime')))).toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('MP4 videos only'),
    });
    expect(uploadsSeen()).toHaveLength(1);
    // Refused by the PDS: its reason reaches the person.
    maxBlobBytes = 50_000;
    expect(await refused({})).toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('BlobTooLarge: This file is too large'),
    });
  });

  it('never reads another workspace’s library item', async () => {
    const a = createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true }, library: fakeLibrary() });
    const request = publishRequest({
      network: 'bluesky',
      credentials: creds(),
      workspaceId: 'ws-2',
      targetId: 't-other',
      media: [libraryRef('x')],
    });
    expect(await failureOf(a.publish(request, signal()))).toMatchObject({ kind: 'permanent' });
    expect(net.requests.filter((r) => r.path.endsWith('uploadBlob'))).toHaveLength(0);
  });

  it('refreshes an expired session and carries on', async () => {
    const a = adapter();
    await a.publish(publishRequest({ network: 'bluesky', credentials: creds(), targetId: 't-1' }), signal());
    mode = 'expire_next';
    await a.publish(publishRequest({ network: 'bluesky', credentials: creds(), targetId: 't-2' }), signal());
    expect(net.requests.some((r) => r.path.endsWith('refreshSession'))).toBe(true);
    expect(records.size).toBe(2);
  });

  it('replies with the first comment under its own key, once', async () => {
    const request = publishRequest({
      network: 'bluesky',
      credentials: creds(),
      targetId: 't-c',
      firstComment: 'More below',
    });
    const published = await adapter().publish(request, signal());
    await adapter().publish(request, signal());
    const reply = records.get(deterministicTid('t-c:comment'));
    expect(reply?.value.reply).toEqual({
      root: { uri: published.externalId, cid: `cid-${deterministicTid('t-c')}` },
      parent: { uri: published.externalId, cid: `cid-${deterministicTid('t-c')}` },
    });
    expect(records.size).toBe(2);
  });

  it('maps a wrong app password, an invalid record, a rate limit and an outage', async () => {
    const run = (overrides: object) =>
      adapter().publish(publishRequest({ network: 'bluesky', credentials: creds(), ...overrides }), signal());
    await expect(run({ credentials: { ...creds(), appPassword: 'wrong' } })).rejects.toMatchObject({
      failure: { kind: 'auth_revoked' },
    });
    mode = 'invalid_record';
    await expect(run({})).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('300 graphemes') },
    });
    mode = 'rate_limited';
    const limited = await failureOf(run({}));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfterMs).toBeGreaterThan(290_000);
    mode = 'down';
    await expect(run({})).rejects.toMatchObject({ failure: { kind: 'transient' } });
  });

  it('refuses a stored http PDS (the app password would travel in clear) unless in development (finding 13)', async () => {
    const strict = createBlueskyAdapter({ http: { allowPrivateNetworkUrls: false } });
    const overHttp = { ...creds(), service: 'http://93.184.216.34' };
    const failure = await failureOf(
      strict.publish(publishRequest({ network: 'bluesky', credentials: overHttp }), signal()),
    );
    expect(failure).toMatchObject({ kind: 'auth_revoked', reason: expect.stringContaining('https') });
    expect(net.requests).toHaveLength(0);
  });
});
