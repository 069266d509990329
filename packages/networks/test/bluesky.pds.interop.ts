// Interop: the Bluesky adapter against a real PDS (@atproto/dev-env), started by
// tools/bluesky-pds/run-interop.mjs, which passes its URL in BLUESKY_PDS_URL. Not part of the
// ordinary test run: run it with `pnpm test:bluesky-pds`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishRequest } from '../src/adapter';
import { createBlueskyAdapter } from '../src/bluesky/adapter';
import { TID_PATTERN, deterministicTid } from '../src/bluesky/tid';
import { LIBRARY_ITEM, libraryRef, memoryUploads } from '../src/testing/library';

const pdsUrl = process.env.BLUESKY_PDS_URL ?? '';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function xrpc(
  method: 'GET' | 'POST',
  nsid: string,
  input: { token?: string; body?: unknown; query?: Record<string, string> } = {},
) {
  const url = new URL(`/xrpc/${nsid}`, pdsUrl);
  for (const [k, v] of Object.entries(input.query ?? {})) url.searchParams.set(k, v);
  const response = await fetch(url, {
    method,
    headers: {
      ...(input.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(input.token ? { authorization: `Bearer ${input.token}` } : {}),
    },
    ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createAccount(handle: string) {
  const created = await xrpc('POST', 'com.atproto.server.createAccount', {
    body: {
      handle,
      email: `${handle.split('.')[0]}@example.com`,
      password: 'main-password-not-used-by-cadence',
    },
  });
  expect(created.status).toBe(200);
  return created.body as { did: string; accessJwt: string; handle: string };
}

if (!pdsUrl) throw new Error('BLUESKY_PDS_URL is not set: run this file with `pnpm test:bluesky-pds`');

describe('Bluesky adapter against a real PDS', () => {
  let media: Server;
  let mediaUrl: string;
  let alice: { did: string; accessJwt: string; handle: string };
  let bob: { did: string };
  let appPassword: string;
  const adapter = createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true } });

  beforeAll(async () => {
    media = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG));
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}/launch.png`;
    alice = await createAccount('alice.test');
    bob = await createAccount('bob.test');
    const pw = await xrpc('POST', 'com.atproto.server.createAppPassword', {
      token: alice.accessJwt,
      body: { name: 'cadence' },
    });
    expect(pw.status).toBe(200);
    appPassword = String(pw.body.password);
  });
  afterAll(() => new Promise<void>((resolve) => media.close(() => resolve())));

  const targetId = '6f1c1e4a-3b7e-4f7d-9a59-2f0d3c1b8a10';
  const text = 'Café day ☕🚀 at https://example.com/launch with @bob.test #cadence #été';
  const request = (): PublishRequest => ({
    targetId,
    workspaceId: 'ws',
    postId: 'post',
    channelId: 'channel-1',
    network: 'bluesky',
    text,
    link: null,
    media: [{ url: mediaUrl, alt: 'A tiny launch picture', kind: 'image' }],
    firstComment: 'More in the thread #details',
    scheduledAt: new Date(),
    credentials: { service: pdsUrl, identifier: alice.handle, appPassword },
  });

  async function posts() {
    const listed = await xrpc('GET', 'com.atproto.repo.listRecords', {
      query: { repo: alice.did, collection: 'app.bsky.feed.post', limit: '100' },
    });
    expect(listed.status).toBe(200);
    return listed.body.records as { uri: string; value: Record<string, unknown> }[];
  }

  it('publishes text with link, mention and hashtag facets at the right UTF-8 byte ranges, and an image', async () => {
    const published = await adapter.publish(request(), new AbortController().signal);
    const rkey = deterministicTid(targetId);
    expect(rkey).toMatch(TID_PATTERN);
    expect(published.externalId).toBe(`at://${alice.did}/app.bsky.feed.post/${rkey}`);

    const read = await xrpc('GET', 'com.atproto.repo.getRecord', {
      query: { repo: alice.did, collection: 'app.bsky.feed.post', rkey },
    });
    expect(read.status).toBe(200);
    const record = read.body.value as {
      text: string;
      facets: { index: { byteStart: number; byteEnd: number }; features: Record<string, string>[] }[];
      embed: { $type: string; images: { alt: string; image: { mimeType: string; size: number } }[] };
    };
    expect(record.text).toBe(text);
    const bytes = Buffer.from(record.text, 'utf8');
    const covered = record.facets.map((f) => ({
      text: bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'),
      feature: f.features[0],
    }));
    expect(covered).toEqual([
      {
        text: 'https://example.com/launch',
        feature: { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/launch' },
      },
      { text: '@bob.test', feature: { $type: 'app.bsky.richtext.facet#mention', did: bob.did } },
      { text: '#cadence', feature: { $type: 'app.bsky.richtext.facet#tag', tag: 'cadence' } },
      { text: '#été', feature: { $type: 'app.bsky.richtext.facet#tag', tag: 'été' } },
    ]);
    // The text has multi-byte characters before the link: UTF-16 indexes would be wrong here.
    expect(record.facets[0]?.index.byteStart).not.toBe(text.indexOf('https://'));
    expect(record.embed.$type).toBe('app.bsky.embed.images');
    expect(record.embed.images[0]).toMatchObject({
      alt: 'A tiny launch picture',
      image: { mimeType: 'image/png', size: PNG.length },
    });

    const all = await posts();
    expect(all).toHaveLength(2);
    const reply = all.find((r) => r.uri !== published.externalId);
    expect(reply?.value.reply).toMatchObject({
      root: { uri: published.externalId },
      parent: { uri: published.externalId },
    });
  });

  it('never creates a second record when the same target is published again', async () => {
    const again = await adapter.publish(request(), new AbortController().signal);
    expect(again.externalId).toBe(`at://${alice.did}/app.bsky.feed.post/${deterministicTid(targetId)}`);
    // A fresh adapter (another publisher process, new session) finds the same post too.
    const other = createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true } });
    expect((await other.publish(request(), new AbortController().signal)).externalId).toBe(again.externalId);
    expect(await posts()).toHaveLength(2);
  });

  it('is refused by the PDS when a record is created under a taken key', async () => {
    const taken = await xrpc('POST', 'com.atproto.repo.createRecord', {
      token: alice.accessJwt,
      body: {
        repo: alice.did,
        collection: 'app.bsky.feed.post',
        rkey: deterministicTid(targetId),
        record: { $type: 'app.bsky.feed.post', text: 'duplicate', createdAt: new Date().toISOString() },
      },
    });
    expect(taken.status).not.toBe(200);
    expect(await posts()).toHaveLength(2);
  });

  it('finds an existing post for reconciliation, and reports a missing one as absent', async () => {
    const found = await adapter.findExisting?.(request(), new AbortController().signal);
    expect(found?.externalId).toBe(`at://${alice.did}/app.bsky.feed.post/${deterministicTid(targetId)}`);
    const missing = await adapter.findExisting?.(
      { ...request(), targetId: 'a-target-never-sent' },
      new AbortController().signal,
    );
    expect(missing).toBeNull();
  });

  it('publishes a library item with alt and aspect ratio, and a retry reuses the uploaded blob (issue 14)', async () => {
    let reads = 0;
    const library = {
      async read(workspaceId: string, mediaId: string) {
        reads++;
        return workspaceId === 'ws' && mediaId === LIBRARY_ITEM
          ? { bytes: PNG, mimeType: 'image/png', width: 1, height: 1 }
          : null;
      },
      source: async () => null,
    };
    const memory = memoryUploads();
    const first = new AbortController();
    // The first attempt dies right after the upload was remembered, before the record is created.
    const uploads = {
      recall: memory.recall,
      forget: memory.forget,
      async remember(targetId: string, key: string, remote: unknown) {
        await memory.remember(targetId, key, remote);
        first.abort(new Error('publisher lost its lease'));
      },
    };
    const withLibrary = createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true }, library, uploads });
    const libraryTarget = '0c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5';
    const libraryRequest = (): PublishRequest => ({
      ...request(),
      targetId: libraryTarget,
      text: 'From the library',
      firstComment: null,
      media: [
        {
          ...libraryRef('The poster, described once'),
          url: `/api/v1/workspaces/ws/media/${LIBRARY_ITEM}/content`,
        },
      ],
    });
    await expect(withLibrary.publish(libraryRequest(), first.signal)).rejects.toBeDefined();
    await withLibrary.publish(libraryRequest(), new AbortController().signal);
    expect(reads).toBe(1);
    const read = await xrpc('GET', 'com.atproto.repo.getRecord', {
      query: { repo: alice.did, collection: 'app.bsky.feed.post', rkey: deterministicTid(libraryTarget) },
    });
    const embed = (read.body.value as { embed: { images: Record<string, unknown>[] } }).embed;
    expect(embed.images[0]).toMatchObject({
      alt: 'The poster, described once',
      aspectRatio: { width: 1, height: 1 },
      image: { mimeType: 'image/png', size: PNG.length },
    });
    const cid = (embed.images[0] as { image: { ref: { $link: string } } }).image.ref.$link;
    const blob = await fetch(
      new URL(`/xrpc/com.atproto.sync.getBlob?did=${encodeURIComponent(alice.did)}&cid=${cid}`, pdsUrl),
    );
    expect(blob.status).toBe(200);
    expect(Buffer.from(await blob.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('classifies a wrong app password as revoked access', async () => {
    const wrong = {
      ...request(),
      channelId: 'channel-2',
      credentials: { service: pdsUrl, identifier: alice.handle, appPassword: 'aaaa-bbbb-cccc-dddd' },
    };
    await expect(adapter.publish(wrong, new AbortController().signal)).rejects.toMatchObject({
      failure: { kind: 'auth_revoked' },
    });
  });
});
