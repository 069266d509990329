// LinkedIn through the inbox sync's per-post walk against a stand-in of the Community Management
// API: the comments under our page's published post are stored once each, linked to the post,
// without our own comment; a second sync stores only the new one; a revoked token marks the
// channel (decision 0299).
import { channels, inboxItems, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createLinkedinAdapter } from '@cadence/networks/linkedin/adapter';
import {
  addLinkedinComment,
  type LinkedinCommentsFake,
  startLinkedinComments,
} from '@cadence/networks/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syncInboxChannel } from '../src/inbox/sync-channel';
import { seedChannel, seedScheduledPosts, seedWorkspace, testKeyRing } from './support/seed';

const POST = 'urn:li:share:7100000000000000009';
const PAGE_URN = 'urn:li:organization:2414183';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: LinkedinCommentsFake;
let now = new Date();
const signal = new AbortController().signal;

beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  fake = await startLinkedinComments();
});
afterAll(async () => {
  await fake.net.close();
  await database.close();
});

const deps = () => ({
  db: database.db,
  adapters: {
    linkedin: createLinkedinAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url }),
  },
  keyRing: testKeyRing,
  clock: () => now,
});
const itemsOf = (channelId: string) =>
  database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));

async function syncUntilDone(channelId: string) {
  for (let i = 0; i < 20; i++) {
    const { outcome } = await syncInboxChannel(deps(), channelId, signal);
    if (outcome !== 'more') return outcome;
  }
  throw new Error('the sync never finished');
}

describe('inbox sync (LinkedIn stand-in)', () => {
  let channelId: string;
  let targetId: string;

  it('stores the comments under our published post once each, linked to it, without our own', async () => {
    const workspaceId = await seedWorkspace(database.db);
    channelId = await seedChannel(database.db, workspaceId, 'linkedin', {
      accessToken: fake.token,
      author: PAGE_URN,
    });
    const { targetIds } = await seedScheduledPosts(database.db, {
      workspaceId,
      channels: [{ id: channelId, network: 'linkedin' }],
      count: 1,
      at: () => new Date(now.getTime() - 3600_000),
    });
    targetId = targetIds[0] as string;
    await database.db
      .update(postTargets)
      .set({ status: 'published', externalId: POST, publishedAt: new Date(now.getTime() - 3600_000) })
      .where(eq(postTargets.id, targetId));
    for (let i = 0; i < 120; i++)
      addLinkedinComment(fake, { post: POST, id: 6_000_000 + i, minutesAgo: 59 - i / 3, now });
    addLinkedinComment(fake, {
      post: POST,
      id: 6_200_000,
      minutesAgo: 0,
      now,
      actor: PAGE_URN,
      text: 'Ours',
    });

    expect(await syncUntilDone(channelId)).toBe('synced');
    const items = await itemsOf(channelId);
    expect(items).toHaveLength(120);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(120);
    expect(items.every((i) => i.kind === 'comment' && i.postTargetId === targetId)).toBe(true);
    expect(items.some((i) => i.text === 'Ours')).toBe(false);
  });

  it('a second sync stores only the new comment; a revoked token marks the channel', async () => {
    now = new Date(now.getTime() + 10 * 60_000);
    addLinkedinComment(fake, { post: POST, id: 6_300_000, minutesAgo: 1, now, text: 'Late to the party' });
    expect(await syncUntilDone(channelId)).toBe('synced');
    const items = await itemsOf(channelId);
    expect(items).toHaveLength(121);
    expect(items.filter((i) => i.text === 'Late to the party')).toHaveLength(1);

    now = new Date(now.getTime() + 60 * 60_000);
    fake.mode = { revoked: true };
    expect(await syncUntilDone(channelId)).toBe('needs_reconnect');
    const [channel] = await database.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel?.status).toBe('needs_reconnect');
    expect(await itemsOf(channelId)).toHaveLength(121);
    fake.mode = {};
  });
});
