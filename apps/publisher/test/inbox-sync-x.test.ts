// X through the inbox jobs against a stand-in of X API v2: the channel walk backfills 7 days of
// mentions page by page (pagination_token) and then asks only for newer ones (since_id), replies
// to our published post land in its thread; the paid-tier refusal (403 client-not-enrolled) is
// recorded by code on the channel's sync and asked again a day later, not every two minutes; a
// reply whose outcome is unclear (5xx after the write, a worker that died mid-call) is never
// posted twice (decision 0299).
import { channels, inboxItems, inboxReplies, inboxSyncStates, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createXAdapter } from '@cadence/networks/x/adapter';
import { addOurXPost, addXPost, startXInbox, type XInboxFake } from '@cadence/networks/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendInboxReply } from '../src/inbox/send-reply';
import { syncInboxChannel } from '../src/inbox/sync-channel';
import { seedChannel, seedScheduledPosts, seedWorkspace, testKeyRing } from './support/seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: XInboxFake;
let now = new Date('2026-11-26T12:00:00Z');
const signal = new AbortController().signal;
const credentials = { accessToken: 'x-user-token', userId: '1000', username: 'cadence' };

beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  fake = await startXInbox(credentials.accessToken, credentials.userId);
});
afterAll(async () => {
  await fake.net.close();
  await database.close();
});

const deps = () => ({
  db: database.db,
  adapters: { x: createXAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url }) },
  keyRing: testKeyRing,
  clock: () => now,
});
const itemsOf = (channelId: string) =>
  database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));
const stateOf = async (channelId: string) =>
  (await database.db.select().from(inboxSyncStates).where(eq(inboxSyncStates.channelId, channelId)))[0];
const mentionCalls = () => fake.net.requests.filter((r) => r.path === '/2/users/1000/mentions');

async function syncUntilDone(channelId: string) {
  const outcomes: string[] = [];
  for (let i = 0; i < 20; i++) {
    const { outcome } = await syncInboxChannel(deps(), channelId, signal);
    outcomes.push(outcome);
    if (outcome !== 'more') return outcomes;
  }
  throw new Error('the sync never finished');
}

describe('inbox sync (X stand-in)', () => {
  let workspaceId: string;
  let channelId: string;
  let targetId: string;

  it('backfills 7 days of mentions page by page and links replies to our published post', async () => {
    workspaceId = await seedWorkspace(database.db);
    channelId = await seedChannel(database.db, workspaceId, 'x', credentials);
    const { targetIds } = await seedScheduledPosts(database.db, {
      workspaceId,
      channels: [{ id: channelId, network: 'x' }],
      count: 1,
      at: () => new Date(now.getTime() - 9 * 24 * 3600_000),
    });
    targetId = targetIds[0] as string;
    await database.db
      .update(postTargets)
      .set({ status: 'published', externalId: '500' })
      .where(eq(postTargets.id, targetId));
    addOurXPost(fake, '500', now);
    // 260 mentions over ~9 days (one every 50 minutes): the older ones are outside the backfill.
    for (let i = 0; i < 260; i++) {
      addXPost(fake, {
        id: 1000 + i,
        minutesAgo: (260 - i) * 50,
        now,
        replyTo: i % 10 === 0 ? '500' : undefined,
      });
    }
    addXPost(fake, { id: 3000, minutesAgo: 1, now, quotes: '500', text: '<script>alert(1)</script> look' });

    const outcomes = await syncUntilDone(channelId);
    expect(outcomes.at(-1)).toBe('synced');
    const items = await itemsOf(channelId);
    const inWindow = [...fake.tweets.values()].filter(
      (t) => t.author_id !== '1000' && now.getTime() - Date.parse(t.created_at) <= 7 * 24 * 3600_000,
    );
    expect(items).toHaveLength(inWindow.length);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
    const pages = mentionCalls().map((r) => r.query.pagination_token ?? 'first');
    expect(new Set(pages).size).toBe(pages.length);
    const byId = new Map(items.map((i) => [i.externalId, i]));
    expect(byId.get('1250')).toMatchObject({
      kind: 'reply',
      threadRootExternalId: '500',
      postTargetId: targetId,
    });
    expect(byId.get('1251')).toMatchObject({ kind: 'mention', postTargetId: null });
    // A stranger's markup is kept as the text it is.
    expect(byId.get('3000')).toMatchObject({ kind: 'quote', text: '<script>alert(1)</script> look' });
    expect((await stateOf(channelId))?.unavailableReason).toBeNull();
  });

  it('the next sync asks only for what is newer (since_id)', async () => {
    now = new Date(now.getTime() + 5 * 60_000);
    addXPost(fake, { id: 3001, minutesAgo: 1, now, replyTo: '500' });
    const before = mentionCalls().length;
    expect(await syncUntilDone(channelId)).toEqual(['synced']);
    const calls = mentionCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query.since_id).toBe('3000');
    expect((await itemsOf(channelId)).some((i) => i.externalId === '3001')).toBe(true);
  });

  it('an app without a paid plan: the reason is kept by code, the channel stays connected, asked again daily', async () => {
    const ws = await seedWorkspace(database.db, 'Free tier');
    const free = await seedChannel(database.db, ws, 'x', credentials);
    fake.mode = { notEnrolled: true };
    expect((await syncInboxChannel(deps(), free, signal)).outcome).toBe('unavailable');
    const state = await stateOf(free);
    expect(state).toMatchObject({ unavailableReason: 'x_paid_tier', failures: 0 });
    expect(state?.nextSyncAt.getTime()).toBe(now.getTime() + 24 * 3600_000);
    const [channel] = await database.db.select().from(channels).where(eq(channels.id, free));
    expect(channel?.status).toBe('connected');
    // Not a retry loop: the usual two minutes later nothing is asked.
    const calls = fake.mentionCalls;
    now = new Date(now.getTime() + 2 * 60_000);
    expect((await syncInboxChannel(deps(), free, signal)).outcome).toBe('skipped');
    expect(fake.mentionCalls).toBe(calls);
    // The plan was upgraded: the daily look succeeds and the reason goes.
    fake.mode = {};
    now = new Date(now.getTime() + 24 * 3600_000);
    expect((await syncUntilDone(free)).at(-1)).toBe('synced');
    expect((await stateOf(free))?.unavailableReason).toBeNull();
  });
});

describe('replying on X (no idempotency key)', () => {
  let replyTo: { itemId: string; channelId: string; workspaceId: string };
  const queueReply = async (text: string) => {
    const [row] = await database.db
      .insert(inboxReplies)
      .values({ ...replyTo, text })
      .returning();
    return row?.id as string;
  };
  const replyRow = async (id: string) =>
    (await database.db.select().from(inboxReplies).where(eq(inboxReplies.id, id)))[0];

  beforeAll(async () => {
    const [item] = await database.db.select().from(inboxItems).where(eq(inboxItems.externalId, '3001'));
    replyTo = {
      itemId: item?.id as string,
      channelId: item?.channelId as string,
      workspaceId: item?.workspaceId as string,
    };
  });

  it('sends once under the item', async () => {
    const id = await queueReply('Thanks!');
    expect(await sendInboxReply(deps(), id, 1, signal)).toBe('sent');
    expect(fake.posted.at(-1)).toMatchObject({ text: 'Thanks!', inReplyTo: '3001' });
    expect(await replyRow(id)).toMatchObject({
      status: 'sent',
      externalUrl: expect.stringMatching(/^https:\/\/x\.com\/cadence\/status\/\d+$/),
    });
  });

  it('a 5xx after the write ends the reply for a person to check: the job never posts it again', async () => {
    const id = await queueReply('Are you there?');
    const posted = fake.posted.length;
    fake.mode = { failAfterWrite: true };
    expect(await sendInboxReply(deps(), id, 1, signal)).toBe('failed');
    expect(await replyRow(id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('check the conversation'),
    });
    expect(await sendInboxReply(deps(), id, 2, signal)).toBe('skipped');
    expect(fake.posted.length).toBe(posted + 1);
  });

  it('a reply left `sending` by a worker that died mid-call is not sent again', async () => {
    const id = await queueReply('Cut off');
    await database.db
      .update(inboxReplies)
      .set({ status: 'sending', attempts: 1 })
      .where(eq(inboxReplies.id, id));
    const posted = fake.posted.length;
    expect(await sendInboxReply(deps(), id, 2, signal)).toBe('failed');
    expect(await replyRow(id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('cut off mid-call'),
    });
    expect(fake.posted.length).toBe(posted);
  });
});
