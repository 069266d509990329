// Library media on their way to a network (issue 14): a post names a library item by its path in
// the app and its mediaId; the publisher's reader gives its bytes to that workspace's targets only,
// and an upload a network answered is remembered per target so a retry does not repeat it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { postTargets } from '@cadence/db';
import { libraryContentPath } from '@cadence/domain/posts/schemas';
import { libraryReaderFor } from '@cadence/media';
import { databaseRemoteUploads } from '@cadence/networks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../../packages/media/test/fixtures/media-files';
import { mediaDepsFor } from '../src/routes/media/media-routes';
import { createChannel } from './calendar-fixtures';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadence-media-publish-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const BOUNDARY = '----cadence-test-boundary';
async function uploadPng() {
  const body = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="poster.png"\r\nContent-Type: image/png\r\n\r\n`,
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
  return res.json() as { id: string; bytes: number; width: number; height: number };
}

describe('library media for the publisher', () => {
  it('a post references a library item by its path and id; only that workspace reads its bytes', async () => {
    const item = await uploadPng();
    const channelId = await createChannel(t, owner, workspaceId, 'Sandbox');
    const ref = {
      url: libraryContentPath(workspaceId, item.id),
      alt: 'Poster',
      kind: 'image',
      mediaId: item.id,
    };
    const created = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/posts`,
      payload: { text: 'With a poster', media: [ref], targets: [{ channelId }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().media).toEqual([ref]);

    const reader = libraryReaderFor({ db: t.ctx.database.db, storage: mediaDepsFor(t.ctx).storage });
    const file = await reader.read(workspaceId, item.id, 1_000_000);
    expect(file).toMatchObject({ mimeType: 'image/png', width: item.width, height: item.height });
    expect(file !== null && file !== 'too_large' && file.bytes.length).toBe(item.bytes);
    expect(await reader.read('00000000-0000-4000-8000-000000000000', item.id, 1_000_000)).toBeNull();
    expect(await reader.read(workspaceId, item.id, item.bytes - 1)).toBe('too_large');
    // The same item as a stream from storage, for uploads sent in pieces.
    const source = await reader.source(workspaceId, item.id, 1_000_000);
    if (source === null || source === 'too_large') throw new Error('expected a source');
    expect(source).toMatchObject({ bytes: item.bytes, mimeType: 'image/png', width: item.width });
    const chunks: Uint8Array[] = [];
    for await (const chunk of await source.open()) chunks.push(chunk);
    expect(
      Buffer.concat(chunks).equals(file !== null && file !== 'too_large' ? file.bytes : Buffer.alloc(0)),
    ).toBe(true);
    expect(await reader.source(workspaceId, item.id, item.bytes - 1)).toBe('too_large');
    expect(await reader.source('00000000-0000-4000-8000-000000000000', item.id, 1_000_000)).toBeNull();

    const [target] = await t.ctx.database.db
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(eq(postTargets.postId, created.json().id));
    const uploads = databaseRemoteUploads(t.ctx.database.db);
    expect(await uploads.recall(target!.id, 'bluesky:0:x')).toBeUndefined();
    await uploads.remember(target!.id, 'bluesky:0:x', { image: { ref: 'first' } });
    await uploads.remember(target!.id, 'bluesky:0:x', { image: { ref: 'second' } });
    expect(await uploads.recall(target!.id, 'bluesky:0:x')).toEqual({ image: { ref: 'first' } });
    // An upload past its lifetime is forgotten, and the next one is remembered in its place.
    await uploads.forget(target!.id, 'bluesky:0:x');
    expect(await uploads.recall(target!.id, 'bluesky:0:x')).toBeUndefined();
    await uploads.remember(target!.id, 'bluesky:0:x', { image: { ref: 'third' } });
    expect(await uploads.recall(target!.id, 'bluesky:0:x')).toEqual({ image: { ref: 'third' } });
  });

  it('refuses a library path that does not go with its mediaId, naming the field', async () => {
    const item = await uploadPng();
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/posts`,
      payload: {
        text: 'Mismatched',
        media: [{ url: libraryContentPath(workspaceId, item.id), alt: '', kind: 'image' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('media.0.url');
  });
});
