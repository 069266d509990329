// Hiding an inbox item under our post (issue 16), through the API and the "inbox.hide" job against
// the stand-in of Bluesky's repository endpoints: the reply lands in the thread's threadgate once
// however often it is asked, shows again the same way, and each change is audited; where the
// network or the item's place does not allow it the item says so and the API answers 422 saying
// why; a viewer may not; another workspace's item is 404.
import { randomUUID } from 'node:crypto';
import { auditEvents, channels, inboxItems, jobs } from '@cadence/db';
import { sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { createBlueskyAdapter } from '@cadence/networks/bluesky/adapter';
import { type BlueskyRepoFake, startBlueskyRepo } from '@cadence/networks/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInboxHide } from '../../publisher/src/inbox/apply-hide';
import { type Caller, call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createChannel, createPost, type PostsWorld } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
let fake: BlueskyRepoFake;
let channelId: string;
let postId: string;
let itemId: string;
const signal = new AbortController().signal;
const GATE = 'app.bsky.feed.threadgate';
const rootUri = () => `at://${fake.did}/app.bsky.feed.post/3ourpost`;
const replyUri = 'at://did:plc:fan/app.bsky.feed.post/3fanreply';

const seedItem = async (values: {
  workspaceId: string;
  channelId: string;
  network: 'bluesky' | 'mastodon' | 'threads';
  externalId: string;
  kind?: 'reply' | 'mention';
  postId?: string | null;
  parentExternalId?: string;
}) => {
  const [item] = await t.ctx.database.db
    .insert(inboxItems)
    .values({
      kind: 'reply',
      ...values,
      authorHandle: 'fan.example',
      text: 'Rude words',
      createdAt: new Date(),
      threadRootExternalId: rootUri(),
      replyRef: { uri: values.externalId, cid: 'cid-fan', rootUri: rootUri(), rootCid: 'cid-root' },
    })
    .returning();
  return item?.id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  fake = await startBlueskyRepo();
  channelId = randomUUID();
  await t.ctx.database.db.insert(channels).values({
    id: channelId,
    workspaceId: w.ws,
    network: 'bluesky',
    displayName: 'Our Bluesky',
    handle: '@brand.example',
    credentialsSealed: sealJson(
      t.ctx.keyRing,
      { service: fake.net.url, identifier: 'brand.example', appPassword: 'app-pass-word' },
      sealedIn.channelCredentials(channelId),
    ),
  });
  postId = (await createPost(w, w.editor)).id;
  itemId = await seedItem({ workspaceId: w.ws, channelId, network: 'bluesky', externalId: replyUri, postId });
});
afterAll(async () => {
  await fake.net.close();
  await t.close();
});

const deps = () => ({
  db: t.ctx.database.db,
  adapters: { bluesky: createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true } }) },
  keyRing: t.ctx.keyRing,
  clock: () => new Date(),
});
const hiddenUrl = (id: string, ws = w.ws) => `/api/v1/workspaces/${ws}/inbox/items/${id}/hidden`;
const hide = (by: Caller, id = itemId) => call(t, by, { method: 'PUT', url: hiddenUrl(id) });
const show = (by: Caller, id = itemId) => call(t, by, { method: 'DELETE', url: hiddenUrl(id) });
const hideJobs = () =>
  t.ctx.database.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'inbox.hide'), eq(jobs.status, 'queued')));
/** Runs the queued hide jobs as the runner would, and marks them done. */
const runHideJobs = async () => {
  const outcomes = [];
  for (const job of await hideJobs()) {
    outcomes.push(await applyInboxHide(deps(), (job.payload as { itemId: string }).itemId, 1, signal));
    await t.ctx.database.db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, job.id));
  }
  return outcomes;
};
const itemView = async (id = itemId) =>
  (await call(t, w.viewer, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/inbox/items/${id}` })).json()
    .item;
const hiddenReplies = () => fake.records.get(`${GATE}/3ourpost`)?.value.hiddenReplies;

describe('hiding an inbox item under our post', () => {
  it('says it can be hidden, hides it on the network once however often it is asked, and audits it', async () => {
    expect(await itemView()).toMatchObject({
      hide: { state: 'visible', error: null, onNetwork: false },
      hideUnsupported: null,
    });
    const first = await hide(w.editor);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().hide).toEqual({ state: 'hiding', error: null, onNetwork: false });
    expect((await hide(w.editor)).json().hide.state).toBe('hiding');
    expect(await hideJobs()).toHaveLength(1);

    expect(await runHideJobs()).toEqual(['hidden']);
    expect(hiddenReplies()).toEqual([replyUri]);
    expect((await itemView()).hide).toEqual({ state: 'hidden', error: null, onNetwork: true });
    expect((await hide(w.manager)).json().hide.state).toBe('hidden');
    expect(await hideJobs()).toHaveLength(0);
    // A duplicate run of a job finds it done and calls nobody.
    const calls = fake.net.requests.length;
    expect(await applyInboxHide(deps(), itemId, 2, signal)).toBe('skipped');
    expect(fake.net.requests.length).toBe(calls);

    const audit = await t.ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, itemId), eq(auditEvents.action, 'inbox_item.hidden')));
    // Asked twice by the editor, once answered from what was asked: one trail entry per change.
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ workspaceId: w.ws, entityType: 'inbox_item', after: { hidden: true } });
  });

  it('shows it again, once', async () => {
    const res = await show(w.editor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hide.state).toBe('showing');
    await show(w.editor);
    expect(await hideJobs()).toHaveLength(1);
    expect(await runHideJobs()).toEqual(['shown']);
    expect(hiddenReplies()).toEqual([]);
    expect((await itemView()).hide.state).toBe('visible');
    const shown = await t.ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, itemId), eq(auditEvents.action, 'inbox_item.shown')));
    expect(shown).toHaveLength(1);
  });

  it('follows the team when it changes its mind before the job runs', async () => {
    await hide(w.editor);
    await show(w.editor);
    expect(await applyInboxHide(deps(), itemId, 1, signal)).toBe('skipped');
    await runHideJobs();
    expect(hiddenReplies()).toEqual([]);
    expect((await itemView()).hide.state).toBe('visible');
  });

  it('stores why a hide failed, and tries again when asked again', async () => {
    fake.mode = { failWith: { status: 503, error: 'InternalServerError' } };
    await hide(w.editor);
    await expect(applyInboxHide(deps(), itemId, 1, signal)).rejects.toThrow();
    expect(await applyInboxHide(deps(), itemId, 6, signal)).toBe('failed');
    fake.mode = {};
    await t.ctx.database.db.update(jobs).set({ status: 'done' }).where(eq(jobs.kind, 'inbox.hide'));
    const failed = await itemView();
    expect(failed.hide).toMatchObject({ state: 'failed', onNetwork: false });
    expect(failed.hide.error).toMatch(/Gave up after 6 attempts/);
    expect((await hide(w.editor)).json().hide).toEqual({ state: 'hiding', error: null, onNetwork: false });
    expect(await runHideJobs()).toEqual(['hidden']);
    expect(hiddenReplies()).toEqual([replyUri]);
  });

  it('says why where it cannot be hidden, and answers 422 with the reason in the reader’s language', async () => {
    const mention = await seedItem({
      workspaceId: w.ws,
      channelId,
      network: 'bluesky',
      externalId: 'at://did:plc:fan/app.bsky.feed.post/3mention',
      kind: 'mention',
      postId: null,
    });
    const mastodon = await seedItem({
      workspaceId: w.ws,
      channelId: w.channels[0] as string,
      network: 'mastodon',
      externalId: '1500',
      postId,
    });
    // Threads hides only replies made directly under our post.
    const nestedThreads = await seedItem({
      workspaceId: w.ws,
      channelId: w.channels[0] as string,
      network: 'threads',
      externalId: '601',
      postId,
      parentExternalId: '501',
    });
    expect((await itemView(mention)).hideUnsupported).toBe('not_our_post');
    expect((await itemView(mastodon)).hideUnsupported).toBe('not_in_api');
    expect((await itemView(nestedThreads)).hideUnsupported).toBe('nested_reply');
    const nestedRefused = await hide(w.editor, nestedThreads);
    expect(nestedRefused.statusCode, nestedRefused.body).toBe(422);
    expect(nestedRefused.json().error.details).toMatchObject({ reason: 'nested_reply' });
    const refused = await hide(w.editor, mention);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.details).toMatchObject({ field: 'itemId', reason: 'not_our_post' });
    const fr = await call(t, w.editor, {
      method: 'PUT',
      url: hiddenUrl(mastodon),
      headers: { 'accept-language': 'fr' },
    });
    expect(fr.statusCode).toBe(422);
    expect(fr.json().error.details.reason).toBe('not_in_api');
    expect(fr.json().error.message).toMatch(/Mastodon ne permet pas/);
    expect(await hideJobs()).toHaveLength(0);
  });

  it('refuses a viewer, and answers 404 for another workspace’s item as for a missing one', async () => {
    expect((await hide(w.viewer)).statusCode).toBe(403);
    expect((await show(w.viewer)).statusCode).toBe(403);
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
      network: 'bluesky',
      externalId: 'at://did:plc:fan/app.bsky.feed.post/3theirs',
    });
    for (const id of [theirs, randomUUID()]) {
      const res = await hide(w.owner, id);
      expect(res.statusCode).toBe(404);
      expect((await show(w.owner, id)).statusCode).toBe(404);
    }
    const [untouched] = await t.ctx.database.db.select().from(inboxItems).where(eq(inboxItems.id, theirs));
    expect(untouched?.hideRequestedAt).toBeNull();
  });

  it('refuses to hide through a channel that needs reconnecting', async () => {
    await t.ctx.database.db
      .update(channels)
      .set({ status: 'needs_reconnect' })
      .where(eq(channels.id, channelId));
    const res = await show(w.editor);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details.reason).toBe('channel_not_connected');
  });
});
