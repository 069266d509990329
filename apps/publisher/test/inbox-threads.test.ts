// Threads through the inbox jobs against a stand-in of the documented Threads API v1.0: the sync
// walks the mentions (a mention that answers our post is linked to it) and the replies under our
// recent posts (the per-post walk, decision 0293), a reply sent by the
// "inbox.reply" job is published once even when Threads' answer to the publish is lost (the
// container is kept with the reply, `network_draft`, and the next attempt finds the reply), and a
// token revoked in the middle of a walk marks the channel and keeps what was stored.
import { channels, inboxItems, inboxReplies, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createThreadsAdapter } from '@cadence/networks/threads/adapter';
import { addThreadsReply, startThreadsInbox, type ThreadsInboxFake } from '@cadence/networks/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendInboxReply } from '../src/inbox/send-reply';
import { syncInboxChannel } from '../src/inbox/sync-channel';
import { seedChannel, seedScheduledPosts, seedWorkspace, testKeyRing } from './support/seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: ThreadsInboxFake;
const now = new Date('2026-11-26T12:00:00Z');
const signal = new AbortController().signal;
const OUR_POST = '880001';

beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  fake = await startThreadsInbox();
});
afterAll(async () => {
  await fake.net.close();
  await database.close();
});

const deps = () => ({
  db: database.db,
  adapters: {
    threads: createThreadsAdapter({
      http: { allowPrivateNetworkUrls: true },
      baseUrl: fake.net.url,
      pollIntervalMs: 5,
    }),
  },
  keyRing: testKeyRing,
  clock: () => now,
});

describe('Threads inbox (stand-in)', () => {
  let workspaceId: string;
  let channelId: string;

  it('syncs mentions page by page and links the one answering our post to it', async () => {
    workspaceId = await seedWorkspace(database.db);
    channelId = await seedChannel(database.db, workspaceId, 'threads', {
      userId: fake.user,
      accessToken: fake.token,
    });
    const { targetIds } = await seedScheduledPosts(database.db, {
      workspaceId,
      channels: [{ id: channelId, network: 'threads' }],
      count: 1,
      at: () => new Date(now.getTime() - 24 * 3600_000),
    });
    await database.db
      .update(postTargets)
      .set({
        status: 'published',
        externalId: OUR_POST,
        publishedAt: new Date(now.getTime() - 24 * 3600_000),
      })
      .where(eq(postTargets.id, targetIds[0] as string));
    fake.media.push({
      id: OUR_POST,
      text: 'Our post',
      username: 'bakery',
      timestamp: '2026-11-25T12:00:00+0000',
    });
    fake.pageSize = 2;
    for (let i = 0; i < 5; i++) {
      const m = addThreadsReply(fake, {
        id: `77${i}`,
        parent: OUR_POST,
        minutesAgo: 50 - i,
        now,
        text: `@bakery ${i}`,
      });
      fake.mentions.push(m.id);
    }
    const outcome = await syncInboxChannel(deps(), channelId, signal);
    expect(outcome).toEqual({ outcome: 'synced', stored: 5 });
    // Three pages of two, each asked for once.
    const asked = fake.net.requests
      .filter((r) => r.path.endsWith('/mentions'))
      .map((r) => r.query.after ?? 'first');
    expect(asked).toHaveLength(3);
    expect(new Set(asked).size).toBe(3);
    const items = await database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));
    expect(items.map((i) => i.externalId).sort()).toEqual(['770', '771', '772', '773', '774']);
    expect(items.find((i) => i.externalId === '772')).toMatchObject({
      kind: 'reply',
      threadRootExternalId: OUR_POST,
      postTargetId: targetIds[0],
      authorHandle: 'a.fan',
    });
  });

  it('walks the replies under our recent post (the per-post walk), nested ones too, ours left out', async () => {
    addThreadsReply(fake, { id: '781', parent: OUR_POST, minutesAgo: 3, now, text: 'No mention here' });
    addThreadsReply(fake, { id: '782', parent: '781', minutesAgo: 2, now, text: 'A reply to a reply' });
    fake.media.push({
      id: '783',
      text: 'Our answer',
      username: 'bakery',
      timestamp: '2026-11-26T11:59:00+0000',
      replied_to: { id: '781' },
      root_post: { id: OUR_POST },
      is_reply_owned_by_me: true,
    });
    const before = fake.net.requests.length;
    const later = { ...deps(), clock: () => new Date(now.getTime() + 3 * 60_000) };
    expect(await syncInboxChannel(later, channelId, signal)).toMatchObject({ outcome: 'synced', stored: 2 });
    const conversation = fake.net.requests
      .slice(before)
      .filter((r) => r.path === `/v1.0/${OUR_POST}/conversation`);
    // Eight replies in pages of two, down to the newest one stored before.
    expect(conversation.length).toBeGreaterThan(1);
    expect(conversation.every((r) => r.query.reverse === 'true')).toBe(true);
    const items = await database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));
    expect(items.map((i) => i.externalId)).not.toContain('783');
    expect(items.find((i) => i.externalId === '782')).toMatchObject({
      kind: 'comment',
      parentExternalId: '781',
      threadRootExternalId: OUR_POST,
      text: 'A reply to a reply',
    });
  });

  it('the reply job publishes once although the answer to the publish was lost', async () => {
    const [item] = await database.db.select().from(inboxItems).where(eq(inboxItems.externalId, '772'));
    if (!item) throw new Error('no item');
    const [reply] = await database.db
      .insert(inboxReplies)
      .values({ workspaceId, itemId: item.id, channelId, text: 'Thanks for writing!' })
      .returning();
    if (!reply) throw new Error('no reply');
    fake.mode.loseNextPublishAnswer = true;
    await expect(sendInboxReply(deps(), reply.id, 1, signal)).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
    const [between] = await database.db.select().from(inboxReplies).where(eq(inboxReplies.id, reply.id));
    expect(between).toMatchObject({
      status: 'queued',
      networkDraft: { container: [...fake.containers.keys()][0] },
    });

    expect(await sendInboxReply(deps(), reply.id, 2, signal)).toBe('sent');
    expect(fake.published).toHaveLength(1);
    const [sent] = await database.db.select().from(inboxReplies).where(eq(inboxReplies.id, reply.id));
    const published = fake.media.find((m) => m.is_reply_owned_by_me && m.replied_to?.id === '772');
    expect(sent).toMatchObject({ status: 'sent', externalId: published?.id });
    expect(sent?.externalUrl).toMatch(/^https:\/\/www\.threads\.net\//);
  });

  it('a token revoked in the middle of a walk marks the channel and keeps the items', async () => {
    for (let i = 0; i < 6; i++) {
      const m = addThreadsReply(fake, { id: `99${i}`, parent: OUR_POST, minutesAgo: 6 - i, now });
      fake.mentions.push(m.id);
    }
    fake.pages = 0;
    fake.mode = { revokeAfterPages: 1 };
    const later = { ...deps(), clock: () => new Date(now.getTime() + 6 * 60_000) };
    const outcome = await syncInboxChannel(later, channelId, signal);
    expect(outcome.outcome).toBe('needs_reconnect');
    const [channel] = await database.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel?.status).toBe('needs_reconnect');
    const items = await database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));
    // The first page (two mentions) was committed before the refusal.
    expect(items).toHaveLength(9);
  });
});
