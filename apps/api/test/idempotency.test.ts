import { channels, idempotencyKeys, posts } from '@cadence/db';
import { sha256 } from '@cadence/domain/security/tokens';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdTransaction } from '../src/http/held-transaction';
import { canonicalJson } from '@cadence/domain/idempotency/canonical-json';
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

let t: TestApp;
let owner: Caller;
let editor: Caller;
let token: Caller & { tokenId: string };
let ws: string;
let channelId: string;

const postsUrl = () => `/api/v1/workspaces/${ws}/posts`;
const createPost = (caller: Caller, key: string | undefined, payload: object) =>
  call(t, caller, {
    method: 'POST',
    url: postsUrl(),
    payload,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
const countPosts = async (text: string) =>
  (await t.ctx.database.db.select({ id: posts.id }).from(posts).where(eq(posts.text, text))).length;

beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '10000' });
  ({ owner, workspaceId: ws } = await setupOwner(t));
  editor = await addMember(t, owner, ws, 'editor');
  token = await createToken(t, owner, ws, 'editor');
  channelId = await createChannel(t, owner, ws, 'Main');
});

afterAll(async () => t.close());

describe('Idempotency-Key', () => {
  it('20 concurrent identical POSTs with one key create exactly one post, and all get its response', async () => {
    const body = { text: 'Concurrent launch 🚀', targets: [{ channelId }] };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => createPost(token, 'launch-1', body)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await countPosts(body.text)).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    // The replay is the first response: same body, same ETag.
    const first = responses.find((r) => r.headers['idempotent-replayed'] === undefined);
    const replay = responses.find((r) => r.headers['idempotent-replayed'] === 'true');
    expect(replay?.body).toBe(first?.body);
    expect(replay?.headers.etag).toBe(first?.headers.etag);
    expect(replay?.headers['content-type']).toBe(first?.headers['content-type']);
  });

  it('replays a later retry, even with the body keys in another order', async () => {
    const first = await createPost(editor, 'retry-1', { text: 'Retry me', targets: [{ channelId }] });
    const retry = await createPost(editor, 'retry-1', { targets: [{ channelId }], text: 'Retry me' });
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(await countPosts('Retry me')).toBe(1);
  });

  it('refuses the same key with another body, or on another route, with 409 idempotency_key_reused', async () => {
    await createPost(editor, 'reuse-1', { text: 'Original', targets: [{ channelId }] });
    const other = await createPost(editor, 'reuse-1', { text: 'Something else', targets: [{ channelId }] });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    expect(await countPosts('Something else')).toBe(0);
    const elsewhere = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/channels`,
      headers: { 'idempotency-key': 'chan-1' },
      payload: { network: 'sandbox', displayName: 'Once', handle: 'once' },
    });
    expect(elsewhere.statusCode).toBe(201);
    const sameKeyOtherRoute = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/campaigns`,
      headers: { 'idempotency-key': 'chan-1' },
      payload: { name: 'x', startsOn: '2026-01-01', endsOn: '2026-01-02', colour: '#000000' },
    });
    expect(sameKeyOtherRoute.json().error.code).toBe('idempotency_key_reused');
  });

  it('scopes keys per caller: two callers may use the same key', async () => {
    const body = { text: 'Per caller', targets: [{ channelId }] };
    const a = await createPost(editor, 'shared-key', body);
    const b = await createPost(owner, 'shared-key', body);
    expect(a.json().id).not.toBe(b.json().id);
    expect(await countPosts('Per caller')).toBe(2);
  });

  it('keeps keys for 24 hours only', async () => {
    const body = { text: 'Daily', targets: [{ channelId }] };
    const first = await createPost(token, 'daily', body);
    const real = t.ctx.clock;
    try {
      t.ctx.clock = () => new Date(Date.now() + 23 * 3_600_000);
      expect((await createPost(token, 'daily', body)).json().id).toBe(first.json().id);
      t.ctx.clock = () => new Date(Date.now() + 25 * 3_600_000);
      const later = await createPost(token, 'daily', body);
      expect(later.statusCode).toBe(201);
      expect(later.json().id).not.toBe(first.json().id);
    } finally {
      t.ctx.clock = real;
    }
    expect(await countPosts('Daily')).toBe(2);
  });

  it('releases the key of a request that failed, so a corrected retry can run', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const failed = await createPost(editor, 'fix-me', { text: 'Fixed', targets: [{ channelId: missing }] });
    expect(failed.statusCode).toBe(404);
    const again = await createPost(editor, 'fix-me', { text: 'Fixed', targets: [{ channelId }] });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a claim left "in progress" by a process that died never blocks a retry (finding 25)', async () => {
    // What an unclean stop of an older version left behind: a committed claim with no outcome.
    // "In progress" is now a live transaction, so such a row has no owner: the retry runs at once.
    const body = { text: 'Orphaned claim', targets: [{ channelId }] };
    const requestHash = sha256(canonicalJson({ method: 'POST', url: postsUrl(), body }));
    await t.ctx.database.db
      .insert(idempotencyKeys)
      .values({ callerScope: `token:${token.tokenId}`, key: 'orphan-1', requestHash });
    const retry = await createPost(token, 'orphan-1', body);
    expect(retry.statusCode).toBe(201);
    expect(await countPosts('Orphaned claim')).toBe(1);
    expect((await createPost(token, 'orphan-1', body)).headers['idempotent-replayed']).toBe('true');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'a request still running the key is waited for; past 5 s, 409 idempotency_key_in_progress; once it ends, the retry runs',
    async () => {
      // Another connection plays the live first request: it holds the key's row uncommitted.
      const body = { text: 'In flight', targets: [{ channelId }] };
      const requestHash = sha256(canonicalJson({ method: 'POST', url: postsUrl(), body }));
      const first = await holdTransaction(t.ctx.database.db);
      try {
        await first.tx
          .insert(idempotencyKeys)
          .values({ callerScope: `token:${token.tokenId}`, key: 'flight-1', requestHash });
        const started = Date.now();
        const stuck = await createPost(token, 'flight-1', body);
        expect(stuck.statusCode).toBe(409);
        expect(stuck.json().error.code).toBe('idempotency_key_in_progress');
        expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
      } finally {
        await first.rollback(); // the first request failed, or its process died
      }
      const retry = await createPost(token, 'flight-1', body);
      expect(retry.statusCode).toBe(201);
      expect(await countPosts('In flight')).toBe(1);
    },
  );

  it('refuses a malformed key and leaves requests without a key alone', async () => {
    const long = await createPost(editor, 'x'.repeat(256), { text: 'Long key', targets: [{ channelId }] });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain('idempotency-key');
    const body = { text: 'No key', targets: [{ channelId }] };
    await createPost(editor, undefined, body);
    await createPost(editor, undefined, body);
    expect(await countPosts('No key')).toBe(2);
  });

  it('works on the other creating routes (channels)', async () => {
    const payload = { network: 'sandbox', displayName: 'Idem channel', handle: 'idem' };
    const send = () =>
      call(t, owner, {
        method: 'POST',
        url: `/api/v1/workspaces/${ws}/channels`,
        headers: { 'idempotency-key': 'chan-2' },
        payload,
      });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.json().id).toBe(b.json().id);
    const rows = await t.ctx.database.db
      .select()
      .from(channels)
      .where(eq(channels.displayName, 'Idem channel'));
    expect(rows).toHaveLength(1);
  });

  it('is documented on the creating routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const params = doc.paths['/api/v1/workspaces/{workspaceId}/posts'].post.parameters as {
      name: string;
      in: string;
    }[];
    expect(params).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header' }));
  });
});
