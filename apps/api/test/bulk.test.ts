import { posts } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from './calendar-fixtures';
import {
  addMember,
  type Caller,
  call,
  createTestApp,
  createToken,
  setupOwner,
  type TestApp,
} from './helpers';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let owner: Caller;
let editor: Caller;
let viewer: Caller;
let ws: string;
let channelId: string;
let foreignChannel: string;

const bulk = (caller: Caller, items: unknown[], headers: Record<string, string> = {}) =>
  call(t, caller, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/posts/bulk`,
    payload: { items },
    headers,
  });

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  channelId = await createChannel(t, owner, ws, 'Main');
  const other = await createWorkspace(t, owner, { name: 'B', locale: 'en' });
  foreignChannel = await createChannel(t, owner, other.id, 'Foreign');
});

afterAll(async () => t.close());

describe('POST /posts/bulk', () => {
  it('creates each valid item and reports each bad one at its index, without failing the others', async () => {
    const res = await bulk(editor, [
      { text: 'Bulk one', targets: [{ channelId }] },
      { text: 'Missing targets' },
      { text: 'Bulk three', targets: [{ channelId: foreignChannel }] },
      { text: 'Sneaky', targets: [{ channelId }], status: 'approved' },
      'not an object',
      { text: 'Bulk six', targets: [{ channelId }], labels: ['a', 'b'] },
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created).toBe(2);
    expect(body.failed).toBe(4);
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 404, 400, 400, 201]);
    expect(body.results[0].post).toMatchObject({ status: 'draft', version: 1 });
    expect(body.results[1].error.details).toContainEqual(
      expect.objectContaining({ field: 'body.items.1.targets' }),
    );
    expect(body.results[3].error.details).toContainEqual(
      expect.objectContaining({ field: 'body.items.3.status' }),
    );
    // Another workspace's channel is "not found", exactly like a missing one.
    expect(body.results[2].error).toMatchObject({ code: 'not_found', message: 'Channel not found' });
    const stored = await t.ctx.database.db.select().from(posts).where(eq(posts.workspaceId, ws));
    expect(stored.map((p) => p.text).sort()).toEqual(['Bulk one', 'Bulk six']);
    expect(stored.every((p) => p.status === 'draft')).toBe(true);
  });

  it('takes 500 items and refuses 501, naming the field', async () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ text: `Item ${i}`, targets: [{ channelId }] }));
    const ok = await bulk(editor, items);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().created).toBe(500);
    expect(new Set(ok.json().results.map((r: { post: { id: string } }) => r.post.id)).size).toBe(500);
    const tooMany = await bulk(editor, [...items, { text: 'one more', targets: [{ channelId }] }]);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toContainEqual(expect.objectContaining({ field: 'body.items' }));
    expect((await bulk(editor, [])).statusCode).toBe(400);
  }, 120_000);

  it('is for editors and up, tokens included, and honours Idempotency-Key', async () => {
    expect((await bulk(viewer, [{ text: 'no', targets: [{ channelId }] }])).statusCode).toBe(403);
    const token = await createToken(t, owner, ws, 'editor');
    const items = [{ text: 'Token bulk', targets: [{ channelId }] }];
    const first = await bulk(token, items, { 'idempotency-key': 'bulk-1' });
    const again = await bulk(token, items, { 'idempotency-key': 'bulk-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const stored = await t.ctx.database.db.select().from(posts).where(eq(posts.text, 'Token bulk'));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.authorTokenId).toBe(token.tokenId);
  });

  // Under a key the items share the request's one transaction, each in its savepoint: a failing
  // item must roll back only itself, never a neighbour's savepoint of the same name.
  it('keeps exactly the valid items of a mixed batch sent with an Idempotency-Key', async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      text: `Keyed ${i}`,
      targets: [{ channelId: i % 3 === 1 ? foreignChannel : channelId }],
    }));
    const res = await bulk(editor, items, { 'idempotency-key': 'bulk-mixed' });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { status: number }) => r.status)).toEqual(
      items.map((_, i) => (i % 3 === 1 ? 404 : 201)),
    );
    const stored = await t.ctx.database.db.select().from(posts).where(eq(posts.workspaceId, ws));
    const keyed = stored.map((p) => p.text).filter((text) => text.startsWith('Keyed '));
    expect(keyed.sort()).toEqual(
      items
        .filter((_, i) => i % 3 !== 1)
        .map((item) => item.text)
        .sort(),
    );
  });
});
