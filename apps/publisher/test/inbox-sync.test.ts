// The inbox sync against a stand-in of Mastodon's documented API: a 7-day backfill walked page by
// page, cursors so nothing is fetched twice, threads linked to our post, a rate limit that blocks
// the channel until Retry-After, and a token revoked mid-sync that marks the channel and loses
// nothing (the next sync after reconnecting resumes the walk).
import { channels, inboxItems, inboxSyncStates, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createMastodonAdapter } from '@cadence/networks/mastodon/adapter';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addMention, type MastodonInboxFake, startMastodonInbox } from '@cadence/networks/testing';
import { syncInboxChannel } from '../src/inbox/sync-channel';
import { enqueueDueSyncs } from '../src/jobs/inbox';
import { seedChannel, seedScheduledPosts, seedWorkspace, testKeyRing } from './support/seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: MastodonInboxFake;
let now = new Date('2026-11-26T12:00:00Z');
const signal = new AbortController().signal;

beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  fake = await startMastodonInbox();
});
afterAll(async () => {
  await fake.net.close();
  await database.close();
});

const deps = () => ({
  db: database.db,
  adapters: {
    mastodon: createMastodonAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url }),
  },
  keyRing: testKeyRing,
  clock: () => now,
});

async function syncUntilDone(channelId: string) {
  const outcomes: string[] = [];
  for (let i = 0; i < 20; i++) {
    const { outcome } = await syncInboxChannel(deps(), channelId, signal);
    outcomes.push(outcome);
    if (outcome !== 'more') return outcomes;
  }
  throw new Error('the sync never finished');
}

const itemsOf = (channelId: string) =>
  database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));
const notificationCalls = () => fake.net.requests.filter((r) => r.path === '/api/v1/notifications');

describe('inbox sync (Mastodon stand-in)', () => {
  let workspaceId: string;
  let channelId: string;

  it('backfills 7 days page by page, links replies to our post, and stores each item once', async () => {
    workspaceId = await seedWorkspace(database.db);
    channelId = await seedChannel(database.db, workspaceId, 'mastodon', {
      instanceUrl: 'https://mastodon.example',
      accessToken: fake.token,
    });
    const { targetIds } = await seedScheduledPosts(database.db, {
      workspaceId,
      channels: [{ id: channelId, network: 'mastodon' }],
      count: 1,
      at: () => new Date(now.getTime() - 9 * 24 * 3600_000),
    });
    await database.db
      .update(postTargets)
      .set({ status: 'published', externalId: '500' })
      .where(eq(postTargets.id, targetIds[0] as string));
    fake.statuses.set('500', {
      ...addMention(fake, { id: 1, minutesAgo: 20_000, now }),
      id: '500',
      in_reply_to_id: null,
    });
    // 500 mentions over ~8.7 days (one every 25 minutes): the older ones are outside the backfill.
    for (let i = 0; i < 500; i++) {
      addMention(fake, {
        id: 1000 + i,
        minutesAgo: (500 - i) * 25,
        now,
        inReplyTo: i % 10 === 0 ? '500' : undefined,
      });
    }
    // A reply to a reply: its root is found through the parent, then the thread's context.
    addMention(fake, { id: 2000, minutesAgo: 1, now, inReplyTo: '1490' });
    addMention(fake, { id: 2001, minutesAgo: 0, now, inReplyTo: '1000', text: '<b>bold</b> &lt;script&gt;' });

    const outcomes = await syncUntilDone(channelId);
    expect(outcomes.at(-1)).toBe('synced');
    const items = await itemsOf(channelId);
    const inWindow = fake.notifications.filter(
      (n) => now.getTime() - Date.parse(n.created_at) <= 7 * 24 * 3600_000,
    );
    expect(items).toHaveLength(inWindow.length);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
    // No page asked for twice.
    const pages = notificationCalls().map((r) => r.query.max_id ?? 'first');
    expect(new Set(pages).size).toBe(pages.length);

    const byId = new Map(items.map((i) => [i.externalId, i]));
    expect(byId.get('1490')).toMatchObject({
      kind: 'reply',
      threadRootExternalId: '500',
      postTargetId: targetIds[0],
    });
    expect(byId.get('2000')).toMatchObject({
      kind: 'reply',
      parentExternalId: '1490',
      threadRootExternalId: '500',
    });
    expect(byId.get('1491')).toMatchObject({
      kind: 'mention',
      threadRootExternalId: '1491',
      postTargetId: null,
    });
    // HTML became text: markup from a stranger is never kept as markup.
    expect(byId.get('2001')?.text).toBe('bold <script>');
    expect(byId.get('1491')).toMatchObject({
      authorHandle: 'fan@example.social',
      authorName: 'A Fan',
      authorAvatarUrl: 'https://files.example.social/avatar.png',
      status: 'open',
    });
  });

  it('the next sync asks only for what is newer than what it stored', async () => {
    const before = notificationCalls().length;
    now = new Date(now.getTime() + 5 * 60_000);
    addMention(fake, { id: 2002, minutesAgo: 2, now });
    addMention(fake, { id: 2003, minutesAgo: 1, now, inReplyTo: '500' });
    expect(await syncUntilDone(channelId)).toEqual(['synced']);
    const calls = notificationCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query.since_id).toBe('2001');
    const items = await itemsOf(channelId);
    expect(items.filter((i) => i.externalId === '2002' || i.externalId === '2003')).toHaveLength(2);
    // Not yet due: a run now does nothing and calls nobody.
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('skipped');
    expect(notificationCalls().length).toBe(before + 1);
  });

  it('a rate limit blocks the channel until Retry-After, without calling the network meanwhile', async () => {
    now = new Date(now.getTime() + 10 * 60_000);
    fake.mode = { rateLimitedFor: 120 };
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('rate_limited');
    const [state] = await database.db
      .select()
      .from(inboxSyncStates)
      .where(eq(inboxSyncStates.channelId, channelId));
    expect(state?.blockedUntil?.getTime()).toBe(now.getTime() + 120_000);
    const calls = fake.calls;
    now = new Date(now.getTime() + 60_000);
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('skipped');
    expect(fake.calls).toBe(calls);
    fake.mode = {};
    now = new Date(now.getTime() + 61_000);
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('synced');
  });

  it('a token revoked mid-sync marks the channel, keeps what was stored, and resumes after reconnecting', async () => {
    const ws = await seedWorkspace(database.db, 'Other');
    const other = await seedChannel(database.db, ws, 'mastodon', {
      instanceUrl: 'https://mastodon.example',
      accessToken: fake.token,
    });
    // Two pages' worth: the first answers, then the token is revoked.
    fake.mode = { revokeAfterPages: fake.pages + 1 };
    expect((await syncInboxChannel(deps(), other, signal)).outcome).toBe('needs_reconnect');
    const [channel] = await database.db.select().from(channels).where(eq(channels.id, other));
    expect(channel?.status).toBe('needs_reconnect');
    const firstPage = await itemsOf(other);
    expect(firstPage).toHaveLength(40);
    const events = await database.db.execute(
      sql`select count(*)::int as n from notification_events where kind = 'channel_reconnect' and channel_id = ${other}`,
    );
    expect((events as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);

    // Reconnected: the walk continues below the first page and finishes; nothing twice.
    fake.mode = {};
    await database.db.update(channels).set({ status: 'connected' }).where(eq(channels.id, other));
    const before = notificationCalls().length;
    await syncUntilDone(other);
    const resumed = notificationCalls().slice(before);
    expect(resumed[0]?.query.max_id).toBe(
      firstPage
        .map((i) => i.externalId)
        .sort()
        .at(0),
    );
    const all = await itemsOf(other);
    const inWindow = fake.notifications.filter(
      (n) => now.getTime() - Date.parse(n.created_at) <= 7 * 24 * 3600_000,
    );
    expect(all).toHaveLength(inWindow.length);
    expect(new Set(all.map((i) => i.externalId)).size).toBe(all.length);
    // Items belong to their own workspace's channel.
    expect(all.every((i) => i.workspaceId === ws)).toBe(true);
  });

  it('the schedule enqueues each due channel once per slot, and skips channels not due or not connected', async () => {
    const enqueued: { kind: string; payload: unknown; key?: string }[] = [];
    const runner = {
      enqueue: async (kind: string, payload: unknown, options?: { key?: string }) => {
        enqueued.push({ kind, payload, key: options?.key });
        return null;
      },
    };
    const ws = await seedWorkspace(database.db, 'Scheduled');
    const fresh = await seedChannel(database.db, ws, 'mastodon', {
      instanceUrl: 'https://m.example',
      accessToken: 't',
    });
    await seedChannel(database.db, ws, 'sandbox');
    const sched = { ...deps(), logger: { debug() {}, info() {}, warn() {}, error() {} } };
    await enqueueDueSyncs(sched, runner);
    const forFresh = enqueued.filter((e) => (e.payload as { channelId: string }).channelId === fresh);
    expect(forFresh).toHaveLength(1);
    expect(forFresh[0]?.kind).toBe('inbox.sync');
    // Channels synced a moment ago (next sync in 2 minutes) and the sandbox are not enqueued.
    expect(enqueued.every((e) => (e.payload as { channelId: string }).channelId !== channelId)).toBe(true);
  });

  it('asks the instance once for the thread of several replies on a page to a message it does not know', async () => {
    // A thread Cadence has never seen: 3000 answers 2999; neither is a notification of ours.
    addMention(fake, { id: 2999, minutesAgo: 3, now });
    addMention(fake, { id: 3000, minutesAgo: 2, now, inReplyTo: '2999' });
    fake.notifications.splice(-2, 2);
    for (const id of [3001, 3002, 3003]) addMention(fake, { id, minutesAgo: 1, now, inReplyTo: '3000' });
    const ws = await seedWorkspace(database.db, 'One thread');
    const fresh = await seedChannel(database.db, ws, 'mastodon', {
      instanceUrl: 'https://mastodon.example',
      accessToken: fake.token,
    });
    await syncUntilDone(fresh);
    const asked = fake.net.requests.filter((r) => /^\/api\/v1\/statuses\/300[123]\/context$/.test(r.path));
    expect(asked).toHaveLength(1);
    const items = await itemsOf(fresh);
    const replies = items.filter((i) => i.parentExternalId === '3000');
    expect(replies.map((i) => i.threadRootExternalId)).toEqual(['2999', '2999', '2999']);
  });
});
