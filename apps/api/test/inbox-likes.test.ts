// Liking an inbox item from our account (issue 16, item 3), through the API and the "inbox.like"
// job against the stand-in of Mastodon's documented favourite / unfavourite endpoints: a like is
// recorded and done once however often it is asked, taken back the same way; a network whose API
// cannot like answers 422 saying why; a viewer may not; another workspace's item is 404.
import { randomUUID } from 'node:crypto';
import { channels, inboxItems, jobs } from '@cadence/db';
import { sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { createMastodonAdapter } from '@cadence/networks/mastodon/adapter';
import { addMention, type MastodonInboxFake, startMastodonInbox } from '@cadence/networks/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInboxLike } from '../../publisher/src/inbox/apply-like';
import { type Caller, call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createChannel, type PostsWorld } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
let fake: MastodonInboxFake;
let channelId: string;
let itemId: string;
const signal = new AbortController().signal;

const seedItem = async (values: {
  workspaceId: string;
  channelId: string;
  network: 'mastodon' | 'threads' | 'sandbox';
  externalId: string;
}) => {
  const [item] = await t.ctx.database.db
    .insert(inboxItems)
    .values({
      ...values,
      kind: 'reply',
      authorHandle: 'fan@example.social',
      text: 'Love it',
      createdAt: new Date(),
      threadRootExternalId: '500',
    })
    .returning();
  return item?.id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  fake = await startMastodonInbox();
  addMention(fake, { id: 1490, minutesAgo: 3, now: new Date(), inReplyTo: '500' });
  channelId = randomUUID();
  await t.ctx.database.db.insert(channels).values({
    id: channelId,
    workspaceId: w.ws,
    network: 'mastodon',
    displayName: 'Our Mastodon',
    handle: '@brand@mastodon.example',
    credentialsSealed: sealJson(
      t.ctx.keyRing,
      { instanceUrl: 'https://mastodon.example', accessToken: fake.token },
      sealedIn.channelCredentials(channelId),
    ),
  });
  itemId = await seedItem({ workspaceId: w.ws, channelId, network: 'mastodon', externalId: '1490' });
});
afterAll(async () => {
  await fake.net.close();
  await t.close();
});

const deps = () => ({
  db: t.ctx.database.db,
  adapters: {
    mastodon: createMastodonAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url }),
  },
  keyRing: t.ctx.keyRing,
  clock: () => new Date(),
});
const likeUrl = (id: string, ws = w.ws) => `/api/v1/workspaces/${ws}/inbox/items/${id}/like`;
const like = (by: Caller, id = itemId) => call(t, by, { method: 'PUT', url: likeUrl(id) });
const unlike = (by: Caller, id = itemId) => call(t, by, { method: 'DELETE', url: likeUrl(id) });
const likeJobs = () =>
  t.ctx.database.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'inbox.like'), eq(jobs.status, 'queued')));
/** Runs the queued like jobs as the runner would, and marks them done. */
const runLikeJobs = async () => {
  const outcomes = [];
  for (const job of await likeJobs()) {
    outcomes.push(await applyInboxLike(deps(), (job.payload as { itemId: string }).itemId, 1, signal));
    await t.ctx.database.db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, job.id));
  }
  return outcomes;
};
const itemView = async () =>
  (await call(t, w.viewer, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/inbox/items/${itemId}` })).json()
    .item;

describe('liking an inbox item', () => {
  it('likes it on the network once, however often it is asked', async () => {
    const first = await like(w.editor);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ like: { state: 'liking', error: null }, likeUnsupported: null });
    // A double click: same answer, no second job.
    const again = await like(w.editor);
    expect(again.json().like.state).toBe('liking');
    expect(await likeJobs()).toHaveLength(1);

    expect(await runLikeJobs()).toEqual(['liked']);
    expect(fake.favourited.has('1490')).toBe(true);
    expect((await itemView()).like).toEqual({ state: 'liked', error: null, onNetwork: true });
    // Asked again once done: nothing queued, nothing called.
    expect((await like(w.manager)).json().like.state).toBe('liked');
    expect(await likeJobs()).toHaveLength(0);
    expect(fake.favouriteCalls).toEqual([{ id: '1490', action: 'favourite' }]);
    // A duplicate run of a job finds it done and calls nobody.
    expect(await applyInboxLike(deps(), itemId, 2, signal)).toBe('skipped');
    expect(fake.favouriteCalls).toHaveLength(1);
  });

  it('takes the like back, once', async () => {
    const res = await unlike(w.editor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().like.state).toBe('unliking');
    await unlike(w.editor);
    expect(await likeJobs()).toHaveLength(1);
    expect(await runLikeJobs()).toEqual(['unliked']);
    expect(fake.favourited.has('1490')).toBe(false);
    expect((await itemView()).like.state).toBe('none');
    expect((await unlike(w.editor)).json().like.state).toBe('none');
    expect(await likeJobs()).toHaveLength(0);
  });

  it('follows the team when it changes its mind while a job runs', async () => {
    await like(w.editor);
    expect(await likeJobs()).toHaveLength(1);
    // Unliked before the like job ran: the job finds nothing to do.
    await unlike(w.editor);
    expect(await applyInboxLike(deps(), itemId, 1, signal)).toBe('skipped');
    await runLikeJobs();
    expect(fake.favourited.has('1490')).toBe(false);
    expect((await itemView()).like.state).toBe('none');
  });

  it('stores why a like failed, and tries again when asked again', async () => {
    fake.mode = { rateLimitedFor: 30 };
    await like(w.editor);
    const [job] = await likeJobs();
    // Passing faults are retried by the runner until the attempts are used up.
    await expect(applyInboxLike(deps(), itemId, 1, signal)).rejects.toThrow();
    expect(await applyInboxLike(deps(), itemId, 6, signal)).toBe('failed');
    fake.mode = {};
    await t.ctx.database.db
      .update(jobs)
      .set({ status: 'done' })
      .where(eq(jobs.id, job?.id as string));
    const failed = await itemView();
    expect(failed.like.state).toBe('failed');
    expect(failed.like.error).toMatch(/Gave up after 6 attempts/);
    expect(failed.like.onNetwork).toBe(false);
    const retry = await like(w.editor);
    expect(retry.json().like).toEqual({ state: 'liking', error: null, onNetwork: false });
    expect(await runLikeJobs()).toEqual(['liked']);
    expect(fake.favourited.has('1490')).toBe(true);
  });

  it('answers 422 saying why on a network whose API cannot like, in the reader’s language', async () => {
    const threadsItem = await seedItem({
      workspaceId: w.ws,
      channelId: w.channels[0] as string,
      network: 'threads',
      externalId: 't-1',
    });
    const view = await call(t, w.viewer, {
      method: 'GET',
      url: `/api/v1/workspaces/${w.ws}/inbox/items/${threadsItem}`,
    });
    expect(view.json().item.likeUnsupported).toBe('not_in_api');
    const res = await like(w.editor, threadsItem);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toMatchObject({ field: 'itemId', reason: 'not_in_api' });
    expect(res.json().error.message).toMatch(/Threads.*API/);
    const fr = await call(t, w.editor, {
      method: 'PUT',
      url: likeUrl(threadsItem),
      headers: { 'accept-language': 'fr' },
    });
    expect(fr.json().error.message).toMatch(/Threads ne permet pas/);
    expect(await likeJobs()).toHaveLength(0);
  });

  it('refuses a viewer, and answers 404 for another workspace’s item as for a missing one', async () => {
    expect((await like(w.viewer)).statusCode).toBe(403);
    expect((await unlike(w.viewer)).statusCode).toBe(403);
    const created = await call(t, w.owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: 'Elsewhere', timezone: 'UTC' },
    });
    const otherWs = created.json().id as string;
    const theirChannel = await createChannel(t, w.owner, otherWs, 'Theirs');
    const theirs = await seedItem({
      workspaceId: otherWs,
      channelId: theirChannel,
      network: 'mastodon',
      externalId: 'x',
    });
    for (const id of [theirs, randomUUID()]) {
      expect((await like(w.owner, id)).statusCode).toBe(404);
      expect((await unlike(w.owner, id)).statusCode).toBe(404);
    }
  });

  it('refuses to like through a channel that needs reconnecting', async () => {
    await t.ctx.database.db
      .update(channels)
      .set({ status: 'needs_reconnect' })
      .where(eq(channels.id, channelId));
    const res = await unlike(w.editor);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details.reason).toBe('channel_not_connected');
  });
});
