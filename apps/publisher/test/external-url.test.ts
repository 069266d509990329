// A network's answer decides the link stored for a published post; whatever an adapter returns,
// only an http(s) link is stored (issue 10, finding 10): a `javascript:` link would run in the
// browser of whoever clicks "view live".
import { type Database, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createFakeAdapter, type FakeStore } from '@cadence/networks';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { seedChannel, seedScheduledPosts, seedWorkspace } from './support/seed';
import { testPublisher, tickUntil } from './support/test-publisher';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
});
afterAll(async () => database?.close());

/** A store whose "network" answers with the given link for every post. */
const answering = (externalUrl: string): FakeStore => ({
  record: async (request) => ({ externalId: `x-${request.targetId}`, externalUrl }),
  find: async () => null,
});

describe('the link stored for a published post', () => {
  it.each([
    ['javascript:alert(document.cookie)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['https://network.example/p/1', 'https://network.example/p/1'],
  ])('%s is stored as %s', async (answer, stored) => {
    const workspaceId = await seedWorkspace(database.db);
    const channelId = await seedChannel(database.db, workspaceId, 'sandbox');
    const { targetIds } = await seedScheduledPosts(database.db, {
      workspaceId,
      channels: [{ id: channelId, network: 'sandbox' }],
      count: 1,
      at: () => new Date(Date.now() - 1000),
    });
    const publisher = testPublisher(database.db, {
      sandbox: createFakeAdapter({ store: answering(answer) }),
    });
    const rows = () => database.db.select().from(postTargets).where(inArray(postTargets.id, targetIds));
    await tickUntil(publisher, async () => (await rows()).every((t) => t.status === 'published'));
    const [target] = await rows();
    expect(target?.externalId).toBe(`x-${targetIds[0]}`);
    expect(target?.externalUrl).toBe(stored);
  });
});
