// The send pool at the instant (decision 0180): `sending` is in the database before each call, no
// call leaves before its instant although the commit may be made ahead of it, and no more calls run
// at once than the pool allows. PGlite by default, PostgreSQL with TEST_DATABASE_URL.
import { type Database, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createFakeAdapter, type NetworkAdapter } from '@cadence/networks';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
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

it('commits sending before each call, never calls early, and bounds the calls at once', async () => {
  const workspaceId = await seedWorkspace(database.db);
  const channelId = await seedChannel(database.db, workspaceId, 'sandbox');
  const instant = new Date(Date.now() + 1500);
  const { targetIds } = await seedScheduledPosts(database.db, {
    workspaceId,
    channels: [{ id: channelId, network: 'sandbox' }],
    count: 30,
    at: () => instant,
  });

  const fake = createFakeAdapter({ behaviour: () => ({ kind: 'succeed', delayMs: 20 }) });
  const seen: { status: string | undefined; early: number }[] = [];
  let running = 0;
  let most = 0;
  const watched: NetworkAdapter = {
    ...fake,
    async publish(request, signal) {
      const early = instant.getTime() - Date.now();
      running++;
      most = Math.max(most, running);
      const [row] = await database.db
        .select({ status: postTargets.status })
        .from(postTargets)
        .where(eq(postTargets.id, request.targetId));
      seen.push({ status: row?.status, early });
      try {
        return await fake.publish(request, signal);
      } finally {
        running--;
      }
    },
  };
  const publisher = testPublisher(database.db, { sandbox: watched }, { options: { maxConcurrentCalls: 4 } });
  await tickUntil(
    publisher,
    async () =>
      (await database.db.select().from(postTargets).where(inArray(postTargets.id, targetIds))).every(
        (t) => t.status === 'published',
      ),
    10_000,
  );
  await publisher.stop();

  expect(seen).toHaveLength(30);
  expect(seen.every((s) => s.status === 'sending')).toBe(true);
  expect(seen.every((s) => s.early <= 0)).toBe(true);
  expect(most).toBeLessThanOrEqual(4);
  expect(new Set(fake.calls.map((c) => c.request.targetId)).size).toBe(30);
});

it('hands back, as never sent, a committed target that waited for a call slot longer than its lease allows', async () => {
  const workspaceId = await seedWorkspace(database.db);
  const channelId = await seedChannel(database.db, workspaceId, 'sandbox');
  const { targetIds } = await seedScheduledPosts(database.db, {
    workspaceId,
    channels: [{ id: channelId, network: 'sandbox' }],
    count: 4,
    at: () => new Date(Date.now() - 1000),
  });
  const fake = createFakeAdapter({ behaviour: () => ({ kind: 'succeed', delayMs: 150 }) });
  // One call at a time, and a call may start at most 50 ms after its commit: most wait longer.
  const publisher = testPublisher(
    database.db,
    { sandbox: fake },
    { options: { maxConcurrentCalls: 1, sendLeaseMarginMs: 50 } },
  );
  await tickUntil(
    publisher,
    async () =>
      (await database.db.select().from(postTargets).where(inArray(postTargets.id, targetIds))).every(
        (t) => t.status === 'published',
      ),
    15_000,
  );
  await publisher.stop();
  const rows = await database.db.select().from(postTargets).where(inArray(postTargets.id, targetIds));
  // Each was called once, and the attempts undone were not counted.
  expect(fake.calls.map((c) => c.request.targetId).sort()).toEqual([...targetIds].sort());
  expect(rows.every((r) => r.attempts === 1)).toBe(true);
});
