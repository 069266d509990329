// A post names only library items of its own workspace (issue 14): every mediaId on the post and
// on its network variants is checked when it is saved (422 naming the field), and a deletion that
// races a save leaves either the post refused or the deletion refused, never a post naming a
// deleted item.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { libraryContentPath } from '@cadence/domain/posts/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../../packages/media/test/fixtures/media-files';
import { createChannel } from './calendar-fixtures';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId = '';
let otherWorkspaceId = '';
let dataDir = '';
let channelId = '';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadence-media-refs-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  ({ owner, workspaceId } = await setupOwner(t));
  // A second workspace of the same owner: its items must not be reachable from the first.
  const elsewhere = await call(t, owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Elsewhere', timezone: 'UTC' },
  });
  otherWorkspaceId = elsewhere.json().id;
  channelId = await createChannel(t, owner, workspaceId, 'Sandbox');
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const BOUNDARY = '----cadence-test-boundary';
async function uploadPng(by: Caller, ws: string) {
  const body = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    await png(),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const res = await call(t, by, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/media`,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const ref = (ws: string, mediaId: string) => ({
  url: libraryContentPath(ws, mediaId),
  alt: '',
  kind: 'image' as const,
  mediaId,
});
const createPost = (payload: object) =>
  call(t, owner, { method: 'POST', url: `/api/v1/workspaces/${workspaceId}/posts`, payload });
const refusal = (res: { json(): { error: { details?: unknown } } }) => res.json().error.details;

describe('library references when a post is saved', () => {
  it('refuses a mediaId that is in no library, or in another workspace’s, naming the field', async () => {
    const mine = await uploadPng(owner, workspaceId);
    const theirs = await uploadPng(owner, otherWorkspaceId);
    const unknown = '00000000-0000-4000-8000-000000000001';

    const onPost = await createPost({
      text: 'x',
      media: [ref(workspaceId, mine.id), ref(workspaceId, unknown)],
      targets: [{ channelId }],
    });
    expect(onPost.statusCode, onPost.body).toBe(422);
    expect(refusal(onPost)).toMatchObject({ field: 'body.media.1.mediaId', reason: 'media_not_found' });

    const borrowed = await createPost({
      text: 'x',
      media: [ref(workspaceId, mine.id)],
      targets: [{ channelId, media: [ref(workspaceId, theirs.id)] }],
    });
    expect(borrowed.statusCode).toBe(422);
    expect(refusal(borrowed)).toMatchObject({ field: 'body.targets.0.media.0.mediaId' });
    // The refusal reads the same for another workspace's item as for a missing one.
    expect(JSON.stringify(refusal(borrowed))).not.toContain(otherWorkspaceId);

    const created = await createPost({
      text: 'x',
      media: [ref(workspaceId, mine.id)],
      targets: [{ channelId }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json() as { id: string; version: number };
    const edit = await call(t, owner, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${workspaceId}/posts/${post.id}`,
      payload: { version: post.version, media: [ref(workspaceId, theirs.id)] },
    });
    expect(edit.statusCode).toBe(422);
    expect(refusal(edit)).toMatchObject({ field: 'body.media.0.mediaId', reason: 'media_not_found' });
  });

  it('a deletion racing a save: one of them is refused, and no post names a deleted item', async () => {
    for (let round = 0; round < 3; round++) {
      const item = await uploadPng(owner, workspaceId);
      const [saved, deleted] = await Promise.all([
        createPost({ text: `race ${round}`, media: [ref(workspaceId, item.id)], targets: [{ channelId }] }),
        call(t, owner, { method: 'DELETE', url: `/api/v1/workspaces/${workspaceId}/media/${item.id}` }),
      ]);
      const outcome = [saved.statusCode, deleted.statusCode];
      expect([
        [201, 409],
        [422, 204],
      ]).toContainEqual(outcome);
    }
  });
});
