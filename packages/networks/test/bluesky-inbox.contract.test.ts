// The Bluesky inbox against a stand-in of the documented XRPC endpoints: listNotifications
// (reasons reply / mention / quote kept, likes and follows skipped but still moving the walk,
// cursor paging), and a reply created under a record key derived from the reply's id with
// reply.root / reply.parent refs, found again (not re-created) on a retry; a like as an
// app.bsky.feed.like record with the item's uri + cid as subject, under a key derived from the
// like request (a retry finds it), taken back with deleteRecord; hiding a reply under our post as
// the thread's app.bsky.feed.threadgate record (rkey of the root post, hiddenReplies), written with
// putRecord's swapRecord so two hides at once both land, other fields kept, 50 at most.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyAdapter } from '../src/bluesky/adapter';
import { deterministicTid } from '../src/bluesky/tid';
import { bearer, type FakeNetwork, startFakeNetwork } from '../src/testing/server';
import { failureOf, signal } from '../src/testing/publish-request';

let net: FakeNetwork;
let limited = false;
/** Our repository's records by collection/rkey, as the PDS keeps them. */
const records = new Map<string, { uri: string; cid: string; value: Record<string, unknown> }>();
const POST = 'app.bsky.feed.post';
const LIKE = 'app.bsky.feed.like';
const GATE = 'app.bsky.feed.threadgate';
let writes = 0;
/** Threadgate reads held until this many have arrived (two hides reading the same version). */
let holdGateReads = 0;
let heldReads: Array<() => void> = [];
const author = {
  did: 'did:plc:bob',
  handle: 'bob.example',
  displayName: 'Bob',
  avatar: 'https://cdn.example/bob.jpg',
};
const root = { uri: 'at://did:plc:alice/app.bsky.feed.post/3root', cid: 'cid-root' };
const notifications = [
  {
    reason: 'like',
    uri: 'at://did:plc:bob/app.bsky.feed.like/1',
    cid: 'c1',
    indexedAt: '2026-11-26T10:05:00.000Z',
    record: {},
  },
  {
    reason: 'reply',
    uri: 'at://did:plc:bob/app.bsky.feed.post/3reply',
    cid: 'cid-reply',
    indexedAt: '2026-11-26T10:04:00.000Z',
    record: {
      text: 'Nice post!',
      createdAt: '2026-11-26T10:03:59.000Z',
      langs: ['en'],
      reply: { root, parent: root },
    },
  },
  {
    reason: 'mention',
    uri: 'at://did:plc:bob/app.bsky.feed.post/3mention',
    cid: 'cid-mention',
    indexedAt: '2026-11-26T10:02:00.000Z',
    record: { text: 'Hey @alice.example', createdAt: '2026-11-26T10:01:59.000Z' },
  },
  {
    reason: 'follow',
    uri: 'at://did:plc:bob/app.bsky.graph.follow/1',
    cid: 'c4',
    indexedAt: '2026-11-26T10:01:00.000Z',
    record: {},
  },
].map((n) => ({ ...n, author, isRead: false }));

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    app.post('/xrpc/com.atproto.server.createSession', async () => ({
      accessJwt: 'access',
      refreshJwt: 'refresh',
      did: 'did:plc:alice',
      handle: 'alice.example',
    }));
    app.addHook('preHandler', async (request, reply) => {
      if (!request.url.startsWith('/xrpc/') || request.url.includes('Session')) return;
      if (bearer(request) !== 'access') return reply.code(401).send({ error: 'AuthenticationRequired' });
      if (limited)
        return reply
          .code(429)
          .header('ratelimit-reset', String(Math.floor(Date.now() / 1000) + 90))
          .send({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
    });
    app.get('/xrpc/app.bsky.notification.listNotifications', async (request) => {
      const { cursor, limit } = request.query as { cursor?: string; limit: string };
      const start = cursor ? Number(cursor) : 0;
      const page = notifications.slice(start, start + Math.min(Number(limit), 2));
      const next = start + page.length;
      return { notifications: page, ...(next < notifications.length ? { cursor: String(next) } : {}) };
    });
    app.get('/xrpc/com.atproto.repo.getRecord', async (request, reply) => {
      const { rkey, collection } = request.query as { rkey: string; collection: string };
      if (collection === GATE && holdGateReads > 0) {
        await new Promise<void>((resolve) => {
          heldReads.push(resolve);
          if (heldReads.length >= holdGateReads) {
            for (const release of heldReads) release();
            heldReads = [];
            holdGateReads = 0;
          }
        });
      }
      const found = records.get(`${collection}/${rkey}`);
      return found ?? reply.code(400).send({ error: 'RecordNotFound', message: 'Could not locate record' });
    });
    app.post('/xrpc/com.atproto.repo.createRecord', async (request, reply) => {
      const body = request.body as { collection: string; rkey: string; record: Record<string, unknown> };
      const key = `${body.collection}/${body.rkey}`;
      if (records.has(key))
        return reply.code(400).send({ error: 'InvalidRequest', message: 'Record already exists' });
      const made = { uri: `at://did:plc:alice/${key}`, cid: `cid-${body.rkey}` };
      records.set(key, { ...made, value: body.record });
      return made;
    });
    // putRecord's swapRecord: the cid the writer read, or null for "must not exist yet".
    app.post('/xrpc/com.atproto.repo.putRecord', async (request, reply) => {
      const body = request.body as {
        collection: string;
        rkey: string;
        record: Record<string, unknown>;
        swapRecord?: string | null;
      };
      const key = `${body.collection}/${body.rkey}`;
      const current = records.get(key)?.cid ?? null;
      if (body.swapRecord !== undefined && body.swapRecord !== current)
        return reply.code(400).send({ error: 'InvalidSwap', message: `Record was at ${current}` });
      writes += 1;
      const made = { uri: `at://did:plc:alice/${key}`, cid: `cid-${body.rkey}-${writes}` };
      records.set(key, { ...made, value: body.record });
      return made;
    });
    app.post('/xrpc/com.atproto.repo.deleteRecord', async (request) => {
      const body = request.body as { collection: string; rkey: string };
      // Deleting a record that is not there succeeds, as on a PDS.
      records.delete(`${body.collection}/${body.rkey}`);
      return {};
    });
  });
});
afterAll(() => net.close());

const inbox = () => {
  const adapter = createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: net.url });
  const side = adapter.inbox;
  const listPage = side?.listPage;
  if (!side || !listPage) throw new Error('no inbox side');
  return { ...side, listPage };
};
const call = {
  channelId: 'channel-1',
  credentials: { identifier: 'alice.example', appPassword: 'app-pass-word' },
};

describe('Bluesky inbox', () => {
  it('lists replies and mentions newest first, with threads, and pages past likes and follows', async () => {
    const first = await inbox().listPage({ ...call, page: null, after: null }, signal());
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      kind: 'reply',
      externalId: 'at://did:plc:bob/app.bsky.feed.post/3reply',
      authorHandle: 'bob.example',
      authorName: 'Bob',
      authorAvatarUrl: 'https://cdn.example/bob.jpg',
      text: 'Nice post!',
      language: 'en',
      parentExternalId: root.uri,
      threadRootExternalId: root.uri,
      link: 'https://bsky.app/profile/bob.example/post/3reply',
      replyRef: {
        uri: 'at://did:plc:bob/app.bsky.feed.post/3reply',
        cid: 'cid-reply',
        rootUri: root.uri,
        rootCid: root.cid,
      },
    });
    // The like on the page still counts for where the walk stands.
    expect(first).toMatchObject({ next: '2', newest: '2026-11-26T10:05:00.000Z' });
    expect(first.oldest?.position).toBe('2026-11-26T10:04:00.000Z');
    const second = await inbox().listPage({ ...call, page: first.next, after: null }, signal());
    expect(second.items.map((i) => [i.kind, i.threadRootExternalId])).toEqual([
      ['mention', 'at://did:plc:bob/app.bsky.feed.post/3mention'],
    ]);
    expect(second.next).toBeNull();
  });

  it('reads back a quarter of an hour past the newest position synced: the AppView lists late posts at their own date', () => {
    const rewind = inbox().rewindPosition;
    expect(rewind?.('2026-11-26T10:05:00.000Z')).toBe('2026-11-26T09:50:00.000Z');
    expect(rewind?.('not a date')).toBe('not a date');
  });

  it('replies with root and parent refs under a key derived from the reply id, once', async () => {
    const [item] = (await inbox().listPage({ ...call, page: null, after: null }, signal())).items;
    const request = {
      ...call,
      replyId: 'reply-1',
      text: 'Thank you!',
      parent: { externalId: item?.externalId as string, replyRef: item?.replyRef as Record<string, string> },
    };
    const sent = await inbox().reply(request, signal());
    const rkey = deterministicTid('inbox-reply:reply-1');
    expect(sent.externalId).toBe(`at://did:plc:alice/app.bsky.feed.post/${rkey}`);
    expect(records.get(`${POST}/${rkey}`)?.value).toMatchObject({
      text: 'Thank you!',
      reply: { root, parent: { uri: item?.externalId, cid: 'cid-reply' } },
    });
    const creates = () => net.requests.filter((r) => r.path.endsWith('createRecord')).length;
    const before = creates();
    await inbox().reply(request, signal());
    expect(creates()).toBe(before);
  });

  it('likes the item with its uri and cid, once per request, and takes the like back', async () => {
    const side = inbox();
    if (!side.like || !side.unlike) throw new Error('no like on the inbox side');
    const [item] = (await side.listPage({ ...call, page: null, after: null }, signal())).items;
    const target = {
      externalId: item?.externalId as string,
      replyRef: item?.replyRef as Record<string, string>,
    };
    const liked = await side.like({ ...call, likeKey: 'item-1:1', target }, signal());
    const rkey = deterministicTid('inbox-like:item-1:1');
    expect(liked.likeExternalId).toBe(`at://did:plc:alice/${LIKE}/${rkey}`);
    expect(records.get(`${LIKE}/${rkey}`)?.value).toMatchObject({
      $type: LIKE,
      subject: { uri: 'at://did:plc:bob/app.bsky.feed.post/3reply', cid: 'cid-reply' },
    });
    const creates = () => net.requests.filter((r) => r.path.endsWith('createRecord')).length;
    const before = creates();
    expect(await side.like({ ...call, likeKey: 'item-1:1', target }, signal())).toEqual(liked);
    expect(creates()).toBe(before);
    await side.unlike({ ...call, target, likeExternalId: liked.likeExternalId }, signal());
    expect(records.has(`${LIKE}/${rkey}`)).toBe(false);
    // Taking back a like already gone is harmless.
    await side.unlike({ ...call, target, likeExternalId: liked.likeExternalId }, signal());
  });

  describe('hiding a reply under our post', () => {
    const reply = (n: number) => `at://did:plc:bob/app.bsky.feed.post/3r${n}`;
    const target = (uri: string, rootUri = root.uri) => ({
      externalId: uri,
      replyRef: { uri, cid: `cid-${uri}`, rootUri, rootCid: root.cid },
    });
    const hide = (uri: string, hidden: boolean, rootUri?: string) => {
      const side = inbox();
      if (!side.hide) throw new Error('no hide on the inbox side');
      return side.hide({ ...call, target: target(uri, rootUri), hidden }, signal());
    };
    const gate = () => records.get(`${GATE}/3root`);

    it('creates the threadgate under the root post’s key, without reply controls, and shows again', async () => {
      records.delete(`${GATE}/3root`);
      await hide(reply(1), true);
      expect(gate()?.value).toEqual({
        $type: GATE,
        post: root.uri,
        createdAt: expect.any(String),
        hiddenReplies: [reply(1)],
      });
      // Hiding again is a state already set: nothing written.
      const before = writes;
      await hide(reply(1), true);
      expect(writes).toBe(before);
      await hide(reply(1), false);
      expect(gate()?.value.hiddenReplies).toEqual([]);
      await hide(reply(1), false);
      expect(writes).toBe(before + 1);
    });

    it('keeps the reply controls someone set in the app', async () => {
      const allow = [{ $type: `${GATE}#followingRule` }];
      records.set(`${GATE}/3root`, {
        uri: `at://did:plc:alice/${GATE}/3root`,
        cid: 'cid-set-in-app',
        value: { $type: GATE, post: root.uri, allow, createdAt: '2026-11-01T00:00:00.000Z' },
      });
      await hide(reply(2), true);
      expect(gate()?.value).toMatchObject({
        allow,
        createdAt: '2026-11-01T00:00:00.000Z',
        hiddenReplies: [reply(2)],
      });
    });

    it('two hides at once both land: the second write is refused by swapRecord and reads again', async () => {
      records.delete(`${GATE}/3root`);
      holdGateReads = 2;
      const puts = () => net.requests.filter((r) => r.path.endsWith('putRecord')).length;
      const before = puts();
      await Promise.all([hide(reply(3), true), hide(reply(4), true)]);
      expect(new Set(gate()?.value.hiddenReplies as string[])).toEqual(new Set([reply(3), reply(4)]));
      // One write lost the race and was made again on the version it read next.
      expect(puts() - before).toBe(3);
    });

    it('refuses a 51st hidden reply, and a reply in a thread that is not ours', async () => {
      const fifty = Array.from({ length: 50 }, (_, i) => reply(100 + i));
      records.set(`${GATE}/3root`, {
        uri: `at://did:plc:alice/${GATE}/3root`,
        cid: 'cid-full',
        value: { $type: GATE, post: root.uri, createdAt: '2026-11-01T00:00:00.000Z', hiddenReplies: fifty },
      });
      const full = await failureOf(hide(reply(5), true));
      expect(full).toMatchObject({ kind: 'permanent' });
      expect(full.reason).toContain('50');
      // Showing one again still works at the limit.
      await hide(reply(100), false);
      expect(gate()?.value.hiddenReplies).toHaveLength(49);
      const theirs = await failureOf(hide(reply(6), true, 'at://did:plc:bob/app.bsky.feed.post/3theirs'));
      expect(theirs.kind).toBe('permanent');
    });
  });

  it('a rate limit is a rate_limited failure with the reset time', async () => {
    limited = true;
    const failure = await failureOf(inbox().listPage({ ...call, page: null, after: null }, signal()));
    limited = false;
    expect(failure.kind).toBe('rate_limited');
    expect(failure.retryAfterMs).toBeGreaterThan(60_000);
  });
});
