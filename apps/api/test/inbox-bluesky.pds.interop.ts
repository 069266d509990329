// Interop (issue 16, "done when"): the inbox through Cadence against a real Bluesky PDS and the
// AppView behind it (@atproto/dev-env), started by tools/bluesky-pds/run-interop.mjs, which passes
// the PDS's URL in BLUESKY_PDS_URL. Cadence publishes a post; a second account replies to it and
// mentions us; the sync shows both in the inbox once; a reply from Cadence appears in the thread as
// a reply to the right post; a banned phrase in a reply is refused before anything is sent.
// Not part of the ordinary run: `pnpm test:bluesky-pds`.
import { channels, inboxItems, inboxReplies, inboxSyncStates, postTargets } from '@cadence/db';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { createBlueskyAdapter } from '@cadence/networks/bluesky/adapter';
import { createPublisher } from '@cadence/publisher/publisher';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInboxHide } from '../../publisher/src/inbox/apply-hide';
import { applyInboxLike } from '../../publisher/src/inbox/apply-like';
import { sendInboxReply } from '../../publisher/src/inbox/send-reply';
import { syncInboxChannel } from '../../publisher/src/inbox/sync-channel';
import { call, createTestApp, type TestApp } from './helpers';
import { act, buildWorld, createPost, type PostsWorld, saveCharter } from './posts-fixtures';

const pdsUrl = process.env.BLUESKY_PDS_URL ?? '';
if (!pdsUrl) throw new Error('BLUESKY_PDS_URL is not set: run this file with `pnpm test:bluesky-pds`');

type Account = { did: string; accessJwt: string; handle: string };
type Ref = { uri: string; cid: string };

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

async function createAccount(handle: string): Promise<Account> {
  const created = await xrpc('POST', 'com.atproto.server.createAccount', {
    body: { handle, email: `${handle.split('.')[0]}@example.com`, password: 'main-password-not-for-cadence' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body as Account;
}

async function postAs(who: Account, record: Record<string, unknown>): Promise<Ref> {
  const res = await xrpc('POST', 'com.atproto.repo.createRecord', {
    token: who.accessJwt,
    body: {
      repo: who.did,
      collection: 'app.bsky.feed.post',
      record: { $type: 'app.bsky.feed.post', createdAt: new Date().toISOString(), ...record },
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Ref;
}

async function getRecord(uri: string) {
  const [, , repo, collection, rkey] = uri.split('/');
  const res = await xrpc('GET', 'com.atproto.repo.getRecord', {
    query: { repo: repo ?? '', collection: collection ?? '', rkey: rkey ?? '' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { uri: string; cid: string; value: Record<string, unknown> };
}

/** The AppView indexes from the PDS's firehose a moment later: ask again until it has. */
async function eventually<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  explain: () => Promise<unknown> = async () => null,
): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const result = await attempt();
    if (result !== undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // What each side saw, so a failure in CI can be read without running it again.
  throw new Error(`never happened: ${what}; ${JSON.stringify(await explain())}`);
}

let t: TestApp;
let w: PostsWorld;
let brand: Account;
let fan: Account;
let channelId: string;
const signal = new AbortController().signal;
const adapter = createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true } });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  brand = await createAccount('brand.test');
  fan = await createAccount('fan.test');
  const pw = await xrpc('POST', 'com.atproto.server.createAppPassword', {
    token: brand.accessJwt,
    body: { name: 'cadence' },
  });
  expect(pw.status).toBe(200);
  const channel = await call(t, w.owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${w.ws}/channels`,
    payload: {
      network: 'bluesky',
      displayName: 'Brand',
      handle: 'brand.test',
      credentials: { identifier: 'brand.test', appPassword: String(pw.body.password), service: pdsUrl },
    },
  });
  expect(channel.statusCode, channel.body).toBe(201);
  channelId = channel.json().id;
  await saveCharter(w, { bannedPhrases: { phrases: ['cheap'], severity: 'block' } });
});
afterAll(async () => t.close());

const deps = () => ({
  db: t.ctx.database.db,
  adapters: { bluesky: adapter },
  keyRing: t.ctx.keyRing,
  clock: () => new Date(),
});
const url = (rest: string) => `/api/v1/workspaces/${w.ws}/inbox${rest}`;

describe('the inbox against a real Bluesky PDS', () => {
  let ours: Ref & { postId: string };
  let fanReply: Ref;
  let fanMention: Ref;
  let itemId: string;

  it('publishes a post from Cadence', async () => {
    const post = await createPost(w, w.manager, {
      text: 'Our new season starts Monday',
      targets: [{ channelId }],
    });
    const scheduled = await act(w, w.manager, post.id, 'schedule', { publishNow: true });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    const publisher = createPublisher({
      db: t.ctx.database.db,
      adapters: { bluesky: adapter },
      keyRing: t.ctx.keyRing,
      settings: t.ctx.config.publisher,
      logger: quiet,
    });
    const target = await eventually('the post published', async () => {
      await publisher.tick();
      await publisher.idle();
      const [row] = await t.ctx.database.db.select().from(postTargets).where(eq(postTargets.postId, post.id));
      return row?.status === 'published' ? row : undefined;
    });
    await publisher.stop();
    const record = await getRecord(target.externalId as string);
    expect(record.value.text).toBe('Our new season starts Monday');
    ours = { uri: record.uri, cid: record.cid, postId: post.id };
    // A fan replies to what the AppView shows. A reply the AppView indexes before its parent is
    // kept as an invalid reply root and notifies nobody, so the fan waits until our post is shown.
    await eventually('our post in the AppView', async () => {
      const shown = await xrpc('GET', 'app.bsky.feed.getPosts', {
        token: brand.accessJwt,
        query: { uris: ours.uri },
      });
      return (shown.body.posts as unknown[] | undefined)?.length === 1 ? true : undefined;
    });
  });

  it('shows a reply to it and a mention of us in the inbox, each once', async () => {
    fanReply = await postAs(fan, {
      text: 'Which day exactly?',
      reply: { root: { uri: ours.uri, cid: ours.cid }, parent: { uri: ours.uri, cid: ours.cid } },
    });
    const mention = `Hello @${brand.handle}, are you open on Sunday?`;
    const start = Buffer.byteLength('Hello ');
    fanMention = await postAs(fan, {
      text: mention,
      facets: [
        {
          index: { byteStart: start, byteEnd: start + Buffer.byteLength(`@${brand.handle}`) },
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: brand.did }],
        },
      ],
    });
    const listed = async () =>
      (await call(t, w.viewer, { method: 'GET', url: url(`/items?channelId=${channelId}`) })).json()
        .items as {
        id: string;
        kind: string;
        text: string;
        postId: string | null;
        author: { handle: string };
      }[];
    const items = await eventually(
      'both in the inbox',
      async () => {
        // Due again at once: the test does not wait the two minutes between syncs.
        await t.ctx.database.db.update(inboxSyncStates).set({ nextSyncAt: new Date(0) });
        const { outcome } = await syncInboxChannel(deps(), channelId, signal);
        expect(['synced', 'more']).toContain(outcome);
        const now = await listed();
        return now.length >= 2 ? now : undefined;
      },
      async () => {
        const notifications = await xrpc('GET', 'app.bsky.notification.listNotifications', {
          token: brand.accessJwt,
          query: { limit: '50' },
        });
        const [state] = await t.ctx.database.db.select().from(inboxSyncStates);
        const items = await listed();
        const seen = notifications.body.notifications as { reason: string; indexedAt: string; uri: string }[];
        // The AppView's view of our post's thread and of the fan's reply.
        const thread = await xrpc('GET', 'app.bsky.feed.getPostThread', {
          token: brand.accessJwt,
          query: { uri: ours.uri, depth: '2' },
        });
        const reply = await xrpc('GET', 'app.bsky.feed.getPosts', {
          token: brand.accessJwt,
          query: { uris: fanReply.uri },
        });
        return {
          thread: thread.body,
          reply: reply.body,
          network:
            notifications.status === 200 ? seen.map((n) => [n.reason, n.indexedAt, n.uri]) : notifications,
          state: { cursor: state?.cursor, lastError: state?.lastError, failures: state?.failures },
          inbox: items.map((i) => [i.kind, i.text]),
        };
      },
    );
    // Another sync stores nothing twice.
    await t.ctx.database.db.update(inboxSyncStates).set({ nextSyncAt: new Date(0) });
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('synced');
    const again = await listed();
    expect(again).toHaveLength(2);
    expect(new Set(again.map((i) => i.id)).size).toBe(2);
    const byText = new Map(items.map((i) => [i.text, i]));
    expect(byText.get('Which day exactly?')).toMatchObject({
      kind: 'reply',
      postId: ours.postId,
      author: { handle: 'fan.test' },
    });
    expect(byText.get(mention)).toMatchObject({ kind: 'mention', postId: null });
    itemId = byText.get('Which day exactly?')?.id as string;
    const stored = await t.ctx.database.db
      .select()
      .from(inboxItems)
      .where(eq(inboxItems.channelId, channelId));
    expect(stored.map((i) => i.externalId).sort()).toEqual([fanMention.uri, fanReply.uri].sort());
  });

  it('refuses a banned phrase in a reply before sending anything', async () => {
    const before = await xrpc('GET', 'com.atproto.repo.listRecords', {
      query: { repo: brand.did, collection: 'app.bsky.feed.post', limit: '100' },
    });
    const refused = await call(t, w.editor, {
      method: 'POST',
      url: url(`/items/${itemId}/replies`),
      payload: { text: 'Monday, and tickets are cheap!' },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.details.violations[0].rule).toBe('bannedPhrases');
    expect(
      await t.ctx.database.db.select().from(inboxReplies).where(eq(inboxReplies.itemId, itemId)),
    ).toEqual([]);
    const after = await xrpc('GET', 'com.atproto.repo.listRecords', {
      query: { repo: brand.did, collection: 'app.bsky.feed.post', limit: '100' },
    });
    expect((after.body.records as unknown[]).length).toBe((before.body.records as unknown[]).length);
  });

  it('sends a reply that lands in the thread as a reply to the fan’s post, once', async () => {
    const res = await call(t, w.editor, {
      method: 'POST',
      url: url(`/items/${itemId}/replies`),
      payload: { text: 'Monday at 9, see you there!' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const replyId = res.json().id as string;
    expect(await sendInboxReply(deps(), replyId, 1, signal)).toBe('sent');
    // A second run of the job (a retry) finds it sent: never twice.
    expect(await sendInboxReply(deps(), replyId, 2, signal)).toBe('skipped');
    const [sent] = await t.ctx.database.db.select().from(inboxReplies).where(eq(inboxReplies.id, replyId));
    expect(sent?.status).toBe('sent');
    const record = await getRecord(sent?.externalId as string);
    expect(record.value).toMatchObject({
      text: 'Monday at 9, see you there!',
      reply: { parent: { uri: fanReply.uri, cid: fanReply.cid }, root: { uri: ours.uri, cid: ours.cid } },
    });
    const mine = await xrpc('GET', 'com.atproto.repo.listRecords', {
      query: { repo: brand.did, collection: 'app.bsky.feed.post', limit: '100' },
    });
    expect(
      (mine.body.records as { value: { text: string } }[]).filter((r) =>
        r.value.text.startsWith('Monday at 9'),
      ),
    ).toHaveLength(1);

    // The thread as Bluesky shows it: our post, the fan's reply, our reply under it.
    type Node = { post: { uri: string }; replies?: Node[] };
    const thread = await eventually('our reply in the thread', async () => {
      const got = await xrpc('GET', 'app.bsky.feed.getPostThread', {
        token: fan.accessJwt,
        query: { uri: ours.uri, depth: '5' },
      });
      const root = got.body.thread as Node | undefined;
      const under = root?.replies?.find((r) => r.post.uri === fanReply.uri);
      return under?.replies?.some((r) => r.post.uri === record.uri) ? root : undefined;
    });
    expect(thread.post.uri).toBe(ours.uri);
  });

  const listRecords = async (collection: string) =>
    (
      await xrpc('GET', 'com.atproto.repo.listRecords', {
        query: { repo: brand.did, collection, limit: '100' },
      })
    ).body.records as { uri: string; value: Record<string, unknown> }[];

  it('likes the fan’s reply once through the job, and takes the like back', async () => {
    const liked = await call(t, w.editor, { method: 'PUT', url: url(`/items/${itemId}/like`) });
    expect(liked.statusCode, liked.body).toBe(200);
    expect(await applyInboxLike(deps(), itemId, 1, signal)).toBe('liked');
    expect(await applyInboxLike(deps(), itemId, 2, signal)).toBe('skipped');
    const likes = await listRecords('app.bsky.feed.like');
    expect(likes.map((l) => l.value.subject)).toEqual([{ uri: fanReply.uri, cid: fanReply.cid }]);
    const [item] = await t.ctx.database.db.select().from(inboxItems).where(eq(inboxItems.id, itemId));
    expect(item?.likeExternalId).toBe(likes[0]?.uri);
    // The AppView counts it on the fan's post.
    await eventually('the like counted', async () => {
      // Through the PDS, which forwards app.bsky reads to the AppView for a signed-in account.
      const got = await xrpc('GET', 'app.bsky.feed.getPosts', {
        token: fan.accessJwt,
        query: { uris: fanReply.uri },
      });
      const [post] = (got.body.posts ?? []) as { likeCount?: number }[];
      return post?.likeCount === 1 ? true : undefined;
    });
    const unliked = await call(t, w.editor, { method: 'DELETE', url: url(`/items/${itemId}/like`) });
    expect(unliked.statusCode, unliked.body).toBe(200);
    expect(await applyInboxLike(deps(), itemId, 1, signal)).toBe('unliked');
    expect(await listRecords('app.bsky.feed.like')).toEqual([]);
  });

  it('hides the fan’s reply in our post’s threadgate, which the AppView indexes, and shows it again', async () => {
    const hidden = await call(t, w.editor, { method: 'PUT', url: url(`/items/${itemId}/hidden`) });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().hideUnsupported).toBeNull();
    expect(await applyInboxHide(deps(), itemId, 1, signal)).toBe('hidden');
    const gate = await getRecord(`at://${brand.did}/app.bsky.feed.threadgate/${ours.uri.split('/').pop()}`);
    expect(gate.value).toMatchObject({ post: ours.uri, hiddenReplies: [fanReply.uri] });
    // No reply controls were set: anyone may still reply.
    expect(gate.value.allow).toBeUndefined();
    type Gate = { record?: { hiddenReplies?: string[] } };
    await eventually('the AppView has the threadgate', async () => {
      const got = await xrpc('GET', 'app.bsky.feed.getPostThread', {
        token: fan.accessJwt,
        query: { uri: ours.uri, depth: '1' },
      });
      const onPost = (got.body.thread as { post?: { threadgate?: Gate } } | undefined)?.post?.threadgate;
      const threadgate = (got.body.threadgate as Gate | undefined) ?? onPost;
      return threadgate?.record?.hiddenReplies?.includes(fanReply.uri) ? true : undefined;
    });
    const shown = await call(t, w.editor, { method: 'DELETE', url: url(`/items/${itemId}/hidden`) });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(await applyInboxHide(deps(), itemId, 1, signal)).toBe('shown');
    const after = await getRecord(gate.uri);
    expect(after.value.hiddenReplies).toEqual([]);
  });

  it('two hides at once under one post both land (swapRecord on the real PDS)', async () => {
    const second = await postAs(fan, {
      text: 'Also, is there parking?',
      reply: { root: { uri: ours.uri, cid: ours.cid }, parent: { uri: ours.uri, cid: ours.cid } },
    });
    const hide = adapter.inbox?.hide;
    if (!hide) throw new Error('the Bluesky adapter hides');
    const [channel] = await t.ctx.database.db.select().from(channels).where(eq(channels.id, channelId));
    const credentials = openJson(
      t.ctx.keyRing,
      channel?.credentialsSealed as string,
      sealedIn.channelCredentials(channelId),
    );
    const request = (reply: Ref) => ({
      channelId,
      credentials,
      hidden: true,
      target: { externalId: reply.uri, replyRef: { uri: reply.uri, cid: reply.cid, rootUri: ours.uri } },
    });
    await Promise.all([hide(request(fanReply), signal), hide(request(second), signal)]);
    const gate = await getRecord(`at://${brand.did}/app.bsky.feed.threadgate/${ours.uri.split('/').pop()}`);
    expect(new Set(gate.value.hiddenReplies as string[])).toEqual(new Set([fanReply.uri, second.uri]));
  });
});
