// The inbox of a Facebook Page through the sync and reply jobs, against a stand-in of Meta's
// documented Graph API (v21.0): comments under our post walked page by page with Graph cursors, a
// token revoked mid-walk (the channel needs reconnecting, nothing lost, the walk resumes at the
// cursor it stopped on), a rate limit that blocks the channel as long as Meta's usage header
// says, a reply whose answer was lost posted once when the ledger retries it, and a comment liked
// as the Page and the like taken back through the like job.
import { channels, inboxItems, inboxReplies, inboxSyncStates, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createFacebookAdapter } from '@cadence/networks/facebook/adapter';
import { type MetaCommentsFake, startMetaComments } from '@cadence/networks/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyInboxLike } from '../src/inbox/apply-like';
import { sendInboxReply } from '../src/inbox/send-reply';
import { syncInboxChannel } from '../src/inbox/sync-channel';
import { seedChannel, seedScheduledPosts, seedWorkspace, testKeyRing } from './support/seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: MetaCommentsFake;
let now = new Date();
const signal = new AbortController().signal;
const POST = '1111_2222';

beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  fake = await startMetaComments('facebook', { ownerId: '1111' });
});
afterAll(async () => {
  await fake.net.close();
  await database.close();
});

const deps = () => ({
  db: database.db,
  adapters: {
    facebook: createFacebookAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url }),
  },
  keyRing: testKeyRing,
  clock: () => now,
});
const itemsOf = (channelId: string) =>
  database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));
const commentPages = () =>
  fake.net.requests.filter((r) => r.method === 'GET' && r.path === `/v21.0/${POST}/comments`);

describe('Facebook Page inbox (Graph API stand-in)', () => {
  let ws: string;
  let channelId: string;

  it('a token revoked mid-walk marks the channel, loses nothing, and the walk resumes after reconnecting', async () => {
    ws = await seedWorkspace(database.db);
    channelId = await seedChannel(database.db, ws, 'facebook', {
      pageId: '1111',
      pageAccessToken: fake.token,
    });
    const { targetIds } = await seedScheduledPosts(database.db, {
      workspaceId: ws,
      channels: [{ id: channelId, network: 'facebook' }],
      count: 1,
      at: () => new Date(now.getTime() - 24 * 3600_000),
    });
    await database.db
      .update(postTargets)
      .set({ status: 'published', externalId: POST, publishedAt: new Date(now.getTime() - 24 * 3600_000) })
      .where(eq(postTargets.id, targetIds[0] as string));
    for (let i = 0; i < 120; i++) fake.add({ objectId: POST, minutesAgo: 1000 - i, now });

    fake.mode.revokeAfterPages = 1;
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('needs_reconnect');
    const [channel] = await database.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel?.status).toBe('needs_reconnect');
    expect(await itemsOf(channelId)).toHaveLength(50);

    fake.mode.revokeAfterPages = undefined;
    await database.db.update(channels).set({ status: 'connected' }).where(eq(channels.id, channelId));
    const before = commentPages().length;
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('synced');
    const resumed = commentPages().slice(before);
    // It starts at the page the revoked call asked for, not from the top again.
    expect(resumed[0]?.query.after).toBe(commentPages()[before - 1]?.query.after);
    const items = await itemsOf(channelId);
    expect(items).toHaveLength(120);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(120);
    expect(items.every((i) => i.kind === 'comment' && i.postTargetId === targetIds[0])).toBe(true);
  });

  it('the next sync reads the first page only; a rate limit blocks the channel as Meta says', async () => {
    now = new Date(now.getTime() + 3 * 60_000);
    fake.add({ objectId: POST, minutesAgo: 1, now, text: 'New one' });
    const before = commentPages().length;
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('synced');
    expect(commentPages().length).toBe(before + 1);
    expect(await itemsOf(channelId)).toHaveLength(121);

    now = new Date(now.getTime() + 3 * 60_000);
    fake.mode.rateLimitedMinutes = 5;
    expect((await syncInboxChannel(deps(), channelId, signal)).outcome).toBe('rate_limited');
    fake.mode.rateLimitedMinutes = undefined;
    const [state] = await database.db
      .select()
      .from(inboxSyncStates)
      .where(eq(inboxSyncStates.channelId, channelId));
    expect(state?.blockedUntil?.getTime()).toBe(now.getTime() + 5 * 60_000);
  });

  it('a reply whose answer was lost is posted once when the job retries it', async () => {
    const [item] = await database.db.select().from(inboxItems).where(eq(inboxItems.text, 'New one'));
    const [reply] = await database.db
      .insert(inboxReplies)
      .values({ workspaceId: ws, itemId: item?.id as string, channelId, text: 'Thanks for writing!' })
      .returning();
    const replyId = reply?.id as string;
    fake.mode.loseNextReplyAnswer = true;
    await expect(sendInboxReply(deps(), replyId, 1, signal)).rejects.toThrow();
    expect(fake.posted).toHaveLength(1);
    expect(await sendInboxReply(deps(), replyId, 2, signal)).toBe('sent');
    expect(fake.posted).toHaveLength(1);
    const [sent] = await database.db.select().from(inboxReplies).where(eq(inboxReplies.id, replyId));
    expect(sent).toMatchObject({ status: 'sent', externalId: fake.posted[0]?.id });
    expect(fake.posted[0]).toMatchObject({ parentId: item?.externalId, text: 'Thanks for writing!' });
  });

  it('likes a comment as the Page through the like job, once, and takes it back', async () => {
    const [item] = await database.db.select().from(inboxItems).where(eq(inboxItems.text, 'New one'));
    const itemId = item?.id as string;
    const comment = () => fake.comments.find((c) => c.id === item?.externalId);
    const likeCalls = () => fake.net.requests.filter((r) => r.path === `/v21.0/${item?.externalId}/likes`);
    await database.db.update(inboxItems).set({ likeRequestedAt: now }).where(eq(inboxItems.id, itemId));
    expect(await applyInboxLike(deps(), itemId, 1, signal)).toBe('liked');
    // Done already: a second run of the job sends nothing.
    expect(await applyInboxLike(deps(), itemId, 1, signal)).toBe('skipped');
    expect(comment()?.liked).toBe(true);
    expect(likeCalls()).toHaveLength(1);
    const [liked] = await database.db.select().from(inboxItems).where(eq(inboxItems.id, itemId));
    expect(liked).toMatchObject({ likeExternalId: item?.externalId, likeError: null });

    await database.db.update(inboxItems).set({ likeRequestedAt: null }).where(eq(inboxItems.id, itemId));
    expect(await applyInboxLike(deps(), itemId, 1, signal)).toBe('unliked');
    expect(comment()?.liked).toBe(false);
    expect(likeCalls().map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });
});
