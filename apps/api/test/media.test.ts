// The media library over HTTP (issue 14): streamed upload, refusals with their reason and nothing
// left behind, members-only serving with safe headers, where-used, deletion rules and the sweep.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mediaItems, posts } from '@cadence/db';
import { sweepUnattachedMedia } from '@cadence/media';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps, png } from '../../../packages/media/test/fixtures/media-files';
import { mediaDepsFor } from '../src/routes/media/media-routes';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadence-media-api-'));
  t = await createTestApp({ DATA_DIR: dataDir, MEDIA_MAX_BYTES: String(4 * 1024 * 1024) });
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const BOUNDARY = '----cadence-test-boundary';
function multipartBody(fileName: string, content: Buffer, { closed = true } = {}) {
  const head = Buffer.from(
    // As browsers send names: percent-encoded in filename* (RFC 5987), so any character can arrive.
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(closed ? `\r\n--${BOUNDARY}--\r\n` : '');
  return Buffer.concat([head, content, tail]);
}

function upload(
  caller: Caller,
  content: Buffer,
  fileName = 'photo.jpg',
  opts: { ws?: string; closed?: boolean; from?: string } = {},
) {
  return call(t, caller, {
    method: 'POST',
    url: `/api/v1/workspaces/${opts.ws ?? workspaceId}/media${opts.from ? `?from=${opts.from}` : ''}`,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipartBody(fileName, content, { closed: opts.closed ?? true }),
  });
}

async function leftovers() {
  const uploads = await readdir(path.join(dataDir, 'media-uploads')).catch(() => []);
  const incoming = await readdir(path.join(dataDir, 'media', '.incoming')).catch(() => []);
  return [...uploads, ...incoming];
}

async function storedObjects() {
  const all = await readdir(path.join(dataDir, 'media'), { recursive: true }).catch(() => []);
  return all.map(String).filter((f) => /\.(jpg|png|webp|gif|mp4|mov)$/.test(f) && !f.startsWith('.incoming'));
}

describe('media library API', () => {
  it('stores an upload without GPS and serves it to members only, with safe headers', async () => {
    const res = await upload(owner, await jpegWithGps(640, 480), 'Été "2026".jpg', { from: 'library' });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      name: 'Été "2026".jpg',
      kind: 'image',
      contentType: 'image/jpeg',
      width: 640,
      height: 480,
      kept: true,
    });
    expect(item.uploadedBy).toBe(owner.userId);

    const content = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/media/${item.id}/content`,
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/jpeg');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-disposition']).toBe(
      `inline; filename="_t_ _2026_.jpg"; filename*=UTF-8''%C3%89t%C3%A9%20%222026%22.jpg`,
    );
    expect((await sharp(content.rawPayload).metadata()).exif).toBeUndefined();
    const thumb = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/media/${item.id}/thumbnail`,
    });
    expect(thumb.headers['content-type']).toBe('image/webp');

    // Another workspace's member sees a 404, exactly as for a missing item.
    const other = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: 'Other', timezone: 'Europe/Paris' },
    });
    expect(other.statusCode, other.body).toBe(201);
    const otherWs = other.json().id as string;
    const cross = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${otherWs}/media/${item.id}/content`,
    });
    expect(cross.statusCode).toBe(404);
    const anonymous = await call(t, null, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/media/${item.id}/content`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad uploads with a 4xx naming the problem, keeping no file', async () => {
    const before = await storedObjects();
    const cases: [
      Promise<{ statusCode: number; json(): { error: { details: { reason: string } } } }>,
      number,
      string,
    ][] = [
      [upload(owner, Buffer.alloc(0)), 422, 'empty_file'],
      [upload(owner, await jpegWithGps(3000, 2000)), 413, 'file_too_large'],
      [upload(owner, await png(), '../../etc/cron.d/x.png'), 400, 'bad_file_name'],
      // busboy drops a part whose name holds a line break before Cadence sees it: no file at all.
      [upload(owner, await png(), 'new\rline.png'), 400, 'no_file'],
      [upload(owner, await png(), 'C:\\Users\\me\\x.png'), 400, 'bad_file_name'],
      [
        upload(owner, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg'),
        422,
        'svg_not_accepted',
      ],
      [upload(owner, (await png()).subarray(0, 60), 'cut.png', { closed: false }), 400, 'upload_interrupted'],
    ];
    for (const [pending, status, reason] of cases) {
      const res = await pending;
      expect(res.statusCode, reason).toBe(status);
      expect(res.json().error.details.reason).toBe(reason);
    }
    const notMultipart = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/media`,
      payload: { url: 'x' },
    });
    expect(notMultipart.statusCode).toBe(400);
    expect(await storedObjects()).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('lets viewers read but not upload', async () => {
    const viewer = await addMember(t, owner, workspaceId, 'viewer');
    expect((await upload(viewer, await png())).statusCode).toBe(403);
    expect(
      (await call(t, viewer, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/media` })).statusCode,
    ).toBe(200);
  });

  it('lists with search by name or tag and a type filter; alt text per language and tags', async () => {
    const a = (await upload(owner, await png(), 'sunset-beach.png')).json();
    await upload(owner, await png(), 'office.png');
    const patched = await call(t, owner, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspaceId}/media/${a.id}`,
      payload: { alt: { fr: 'Coucher de soleil', en: 'Sunset' }, tags: ['summer', 'summer', 'beach'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      alt: { fr: 'Coucher de soleil', en: 'Sunset' },
      tags: ['summer', 'beach'],
      kept: true,
    });
    const bad = await call(t, owner, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspaceId}/media/${a.id}`,
      payload: { alt: { de: 'x' } },
    });
    expect(bad.statusCode).toBe(400);

    const list = async (query: string) =>
      (await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/media?${query}` }))
        .json()
        .items.map((i: { name: string }) => i.name);
    expect(await list('q=sunset')).toEqual(['sunset-beach.png']);
    expect(await list('q=BEACH')).toEqual(['sunset-beach.png']);
    expect(await list('tag=summer')).toEqual(['sunset-beach.png']);
    expect(await list('q=%25')).toEqual([]);
    expect(await list('kind=video')).toEqual([]);
    expect((await list('kind=image')).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses to delete an item a post not yet published uses, naming the post; deletes it from storage otherwise', async () => {
    const item = (await upload(owner, await png(), 'in-use.png')).json();
    const [post] = await t.ctx.database.db
      .insert(posts)
      .values({
        workspaceId,
        status: 'scheduled',
        text: 'Hi',
        media: [{ url: 'https://x.example/a.png', alt: '', kind: 'image', mediaId: item.id }],
      })
      .returning();
    const url = `/api/v1/workspaces/${workspaceId}/media/${item.id}`;
    const refused = await call(t, owner, { method: 'DELETE', url });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({
      reason: 'media_in_use',
      posts: [{ id: post?.id, status: 'scheduled' }],
    });
    expect((await call(t, owner, { method: 'GET', url })).json().usedIn).toEqual({
      count: 1,
      posts: [{ id: post?.id, status: 'scheduled' }],
    });

    await t.ctx.database.db
      .update(posts)
      .set({ status: 'published' })
      .where(eq(posts.id, post?.id ?? ''));
    const before = (await storedObjects()).filter((f) => f.includes(item.id));
    expect(before.length).toBe(2);
    expect((await call(t, owner, { method: 'DELETE', url })).statusCode).toBe(204);
    expect((await storedObjects()).filter((f) => f.includes(item.id))).toEqual([]);
    expect((await call(t, owner, { method: 'GET', url })).statusCode).toBe(404);
  });

  it('sweeps composer uploads no post uses after a day, keeping library items and used ones', async () => {
    const orphan = (await upload(owner, await png(), 'orphan.png')).json();
    const used = (await upload(owner, await png(), 'used.png')).json();
    const kept = (await upload(owner, await png(), 'kept.png', { from: 'library' })).json();
    await t.ctx.database.db.insert(posts).values({
      workspaceId,
      status: 'draft',
      text: 'x',
      media: [{ url: 'https://x.example/u.png', alt: '', kind: 'image', mediaId: used.id }],
    });
    const deps = mediaDepsFor(t.ctx);
    expect(await sweepUnattachedMedia({ ...deps, now: () => new Date() })).toBe(0);
    const tomorrow = () => new Date(Date.now() + 25 * 3600 * 1000);
    // Earlier tests' composer uploads are orphans too.
    expect(await sweepUnattachedMedia({ ...deps, now: tomorrow })).toBeGreaterThanOrEqual(1);
    const remaining = (await t.ctx.database.db.select({ id: mediaItems.id }).from(mediaItems)).map(
      (r) => r.id,
    );
    expect(remaining).not.toContain(orphan.id);
    expect(remaining).toEqual(expect.arrayContaining([used.id, kept.id]));
    expect((await storedObjects()).filter((f) => f.includes(orphan.id))).toEqual([]);
  });
});

describe('one-click fixes', () => {
  it('makes a copy under Bluesky’s 1,000,000 bytes, keeping alt text and tags', async () => {
    const big = (await upload(owner, await jpegWithGps(2000, 1500), 'big.jpg')).json();
    expect(big.bytes).toBeGreaterThan(1_000_000);
    await call(t, owner, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspaceId}/media/${big.id}`,
      payload: { alt: { en: 'Noise' }, tags: ['test'] },
    });
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/media/${big.id}/fix`,
      payload: { network: 'bluesky' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const fixed = res.json();
    expect(fixed.bytes).toBeLessThanOrEqual(1_000_000);
    expect(fixed).toMatchObject({
      derivedFromId: big.id,
      alt: { en: 'Noise' },
      tags: ['test'],
      contentType: 'image/jpeg',
      name: 'big (bluesky).jpg',
    });
  }, 120_000); // sharp re-encodes a 3-megapixel photo several times: slow on a loaded 2-core machine

  it('crops a tall image to 4:5 for Instagram', async () => {
    const tall = (await upload(owner, await png(1080, 1920), 'story.png')).json();
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/media/${tall.id}/fix`,
      payload: { network: 'instagram' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ width: 1080, height: 1350 });
    const unknown = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/media/${tall.id}/fix`,
      payload: { network: 'myspace' },
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('media quota', () => {
  it('refuses an upload that would pass the workspace quota, and keeps nothing of it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cadence-media-quota-'));
    const q = await createTestApp({ DATA_DIR: dir, MEDIA_WORKSPACE_QUOTA_BYTES: String(200 * 1024) });
    try {
      const { owner: o, workspaceId: ws } = await setupOwner(q);
      const send = async () =>
        call(q, o, {
          method: 'POST',
          url: `/api/v1/workspaces/${ws}/media`,
          headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
          payload: multipartBody('p.jpg', await jpegWithGps(300, 300)),
        });
      const results = await Promise.all([send(), send(), send(), send(), send()]);
      const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json().bytes as number);
      expect(ok.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(200 * 1024);
      const refused = results.filter((r) => r.statusCode === 413);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]?.json().error.details.reason).toBe('quota_exceeded');
      const files = (await readdir(path.join(dir, 'media'), { recursive: true }))
        .map(String)
        .filter((f) => f.endsWith('.jpg'));
      expect(files.length).toBe(ok.length);
    } finally {
      await q.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
