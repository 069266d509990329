// Signed media links (decision 0245): Instagram, Threads and Facebook fetch library media from
// PUBLIC_URL. A link opens one item until its expiry; an expired, tampered or borrowed signature
// is refused; a stand-in of Instagram's container API fetches the real link from the running app.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { libraryReaderFor, mediaLinkKeys, signMediaLink } from '@cadence/media';
import { createInstagramAdapter } from '@cadence/networks/instagram/adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../../packages/media/test/fixtures/media-files';
import {
  type ContainerFake,
  containerRoutes,
  type FakeNetwork,
  publishRequest,
  signal,
  startFakeNetwork,
} from '@cadence/networks/testing';
import { mediaDepsFor } from '../src/routes/media/media-routes';
import { type Caller, call, captureLogs, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId = '';
let dataDir = '';
let publicUrl = '';
const logs = captureLogs('trace');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadence-media-links-'));
  t = await createTestApp({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' }, logs.logger);
  ({ owner, workspaceId } = await setupOwner(t));
  publicUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const BOUNDARY = '----cadence-test-boundary';
async function uploadPng(name: string) {
  const body = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    await png(),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const res = await call(t, owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/media`,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; bytes: number };
}

const keys = () => mediaLinkKeys(t.ctx.keyRing);
const reader = () =>
  libraryReaderFor({
    db: t.ctx.database.db,
    storage: mediaDepsFor(t.ctx).storage,
    links: { publicUrl, keys: keys(), now: () => new Date() },
  });
const relative = (url: string) => url.slice(publicUrl.length);
const reasonOf = (res: { json(): { error: { details?: { reason?: string } } } }) =>
  res.json().error.details?.reason;

describe('signed media links', () => {
  it('open one item, without a session, with safe headers; the URL names nothing but that item', async () => {
    const item = await uploadPng('poster.png');
    const link = await reader().link?.(workspaceId, item.id, 8_000_000);
    if (!link || link === 'too_large') throw new Error('expected a link');
    expect(link.url.startsWith(`${publicUrl}/api/media-links/${item.id}?expires=`)).toBe(true);
    expect(link.url).not.toContain(workspaceId);
    const res = await t.app.inject({ method: 'GET', url: relative(link.url) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.length).toBe(item.bytes);
    // The signature is the credential: never in the logs.
    const signature = new URL(link.url).searchParams.get('signature') ?? '';
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.lines.filter((l) => l.includes(signature))).toEqual([]);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/media-links/{mediaId}');
    // Another workspace's post gets no link to this item; an item over the network's limit neither.
    expect(await reader().link?.('00000000-0000-4000-8000-000000000000', item.id, 8_000_000)).toBeNull();
    expect(await reader().link?.(workspaceId, item.id, item.bytes - 1)).toBe('too_large');
    // Without PUBLIC_URL, no links at all.
    const { storage } = mediaDepsFor(t.ctx);
    const bare = libraryReaderFor({
      db: t.ctx.database.db,
      storage,
      links: { publicUrl: undefined, keys: keys(), now: () => new Date() },
    });
    expect(bare.link).toBeUndefined();
  });

  it('refuses an expired link, a tampered signature or expiry, and a signature borrowed for another item', async () => {
    const a = await uploadPng('a.png');
    const b = await uploadPng('b.png');
    const sign = (mediaId: string, now: Date) => signMediaLink({ publicUrl, keys: keys(), mediaId, now });
    const get = (url: string) => t.app.inject({ method: 'GET', url: relative(url) });

    const expired = await get(sign(a.id, new Date(Date.now() - 2 * 3600_000)));
    expect(expired.statusCode).toBe(403);
    expect(reasonOf(expired)).toBe('link_expired');

    const good = new URL(sign(a.id, new Date()));
    const signature = good.searchParams.get('signature') ?? '';
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    const variants = [
      `${good.pathname}?expires=${good.searchParams.get('expires')}&signature=${flipped}`,
      `${good.pathname}?expires=${Number(good.searchParams.get('expires')) + 3600}&signature=${signature}`,
      `/api/media-links/${b.id}${good.search}`,
      `${good.pathname}?expires=${good.searchParams.get('expires')}&signature=`,
    ];
    for (const url of variants) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
      expect(reasonOf(res)).toBe('link_invalid');
      expect(res.body).not.toContain(b.id);
    }
    // A link made with another installation's key opens nothing here.
    const foreign = signMediaLink({ publicUrl, keys: [Buffer.alloc(32, 9)], mediaId: a.id, now: new Date() });
    expect((await get(foreign)).statusCode).toBe(403);
    // A genuine link to an item deleted since: 404.
    expect((await get(good.toString())).statusCode).toBe(200);
    const del = await call(t, owner, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspaceId}/media/${a.id}`,
    });
    expect(del.statusCode).toBe(204);
    expect((await get(good.toString())).statusCode).toBe(404);
  });

  it('a stand-in of Instagram fetches the signed link from the running app and publishes', async () => {
    const item = await uploadPng('bread.png');
    let fake: ContainerFake | undefined;
    const net: FakeNetwork = await startFakeNetwork((app) => {
      fake = containerRoutes(app, {
        version: 'v21.0',
        user: '1784',
        token: 'tok',
        create: 'media',
        publish: 'media_publish',
        statusField: 'status_code',
        permalinkBase: 'https://www.instagram.com/p',
      });
    });
    try {
      const adapter = createInstagramAdapter({
        http: { allowPrivateNetworkUrls: true },
        baseUrl: net.url,
        pollIntervalMs: 5,
        library: reader(),
      });
      const media = [
        {
          url: `/api/v1/workspaces/${workspaceId}/media/${item.id}/content`,
          alt: 'Bread',
          kind: 'image' as const,
          mediaId: item.id,
        },
      ];
      const published = await adapter.publish(
        publishRequest({
          network: 'instagram',
          workspaceId,
          credentials: { igUserId: '1784', accessToken: 'tok' },
          media,
        }),
        signal(),
      );
      expect(published.externalId).toBeTruthy();
      expect(fake?.fetched).toEqual([
        expect.objectContaining({ status: 200, contentType: 'image/png', bytes: item.bytes, ok: true }),
      ]);
      expect(fake?.fetched[0]?.url.startsWith(`${publicUrl}/api/media-links/${item.id}?`)).toBe(true);
    } finally {
      await net.close();
    }
  });
});
