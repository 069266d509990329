// The inbox sync against a stand-in of Bluesky's listNotifications. The AppView lists a
// notification at the earlier of the post's own date and its indexing time, so a post that
// reaches it late (a slow PDS, a client clock behind) appears below notifications already synced.
// The sync reads back past the newest position it stored and keeps such a late arrival, once.
import { inboxItems } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createBlueskyAdapter } from '@cadence/networks/bluesky/adapter';
import { bearer, type FakeNetwork, startFakeNetwork } from '@cadence/networks/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syncInboxChannel } from '../src/inbox/sync-channel';
import { seedChannel, seedWorkspace, testKeyRing } from './support/seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let net: FakeNetwork;
let now = new Date('2026-11-26T12:00:00Z');
const signal = new AbortController().signal;
/** What the AppView lists, newest position first. */
const listed: Record<string, unknown>[] = [];

function mention(rkey: string, at: Date) {
  listed.push({
    uri: `at://did:plc:fan/app.bsky.feed.post/${rkey}`,
    cid: `cid-${rkey}`,
    reason: 'mention',
    indexedAt: at.toISOString(),
    isRead: false,
    author: { did: 'did:plc:fan', handle: 'fan.example' },
    record: { text: `post ${rkey}`, createdAt: at.toISOString() },
  });
  listed.sort((a, b) => String(b.indexedAt).localeCompare(String(a.indexedAt)));
}

beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  net = await startFakeNetwork((app) => {
    app.post('/xrpc/com.atproto.server.createSession', async () => ({
      accessJwt: 'access',
      refreshJwt: 'refresh',
      did: 'did:plc:brand',
      handle: 'brand.example',
    }));
    app.get('/xrpc/app.bsky.notification.listNotifications', async (request, reply) => {
      if (bearer(request) !== 'access') return reply.code(401).send({ error: 'AuthenticationRequired' });
      const { cursor, limit } = request.query as { cursor?: string; limit: string };
      const start = cursor ? Number(cursor) : 0;
      const page = listed.slice(start, start + Number(limit));
      const next = start + page.length;
      return { notifications: page, ...(next < listed.length ? { cursor: String(next) } : {}) };
    });
  });
});
afterAll(async () => {
  await net.close();
  await database.close();
});

const deps = () => ({
  db: database.db,
  adapters: { bluesky: createBlueskyAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: net.url }) },
  keyRing: testKeyRing,
  clock: () => now,
});
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('inbox sync (Bluesky stand-in)', () => {
  it('keeps a post the AppView lists late, below one already synced, and stores nothing twice', async () => {
    const ws = await seedWorkspace(database.db);
    const channelId = await seedChannel(database.db, ws, 'bluesky', {
      identifier: 'brand.example',
      appPassword: 'app-pass-word',
      service: net.url,
    });
    mention('b', minutesAgo(2));
    expect(await syncInboxChannel(deps(), channelId, signal)).toEqual({ outcome: 'synced', stored: 1 });

    // Written four minutes ago on a slow PDS, listed only now, at its own date.
    mention('a', minutesAgo(4));
    now = new Date(now.getTime() + 3 * 60_000);
    expect(await syncInboxChannel(deps(), channelId, signal)).toEqual({ outcome: 'synced', stored: 1 });
    const items = await database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));
    expect(items.map((i) => i.text).sort()).toEqual(['post a', 'post b']);
  });
});
