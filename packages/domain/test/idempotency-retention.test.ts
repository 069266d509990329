import { createTestDatabase } from '@cadence/db/testing';
import { idempotencyKeys } from '@cadence/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { sweepExpiredIdempotencyKeys } from '../src/idempotency/retention';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
});
afterAll(() => database.close());

describe("idempotency key retention (swept by the publisher's housekeeping)", () => {
  it('sweeps idempotency keys older than 24 h and keeps the others', async () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600 * 1000);
    await database.db.insert(idempotencyKeys).values([
      { callerScope: 'token:a', key: 'old', requestHash: 'h', createdAt: hoursAgo(25) },
      { callerScope: 'token:a', key: 'recent', requestHash: 'h', createdAt: hoursAgo(23) },
      { callerScope: 'user:b', key: 'old', requestHash: 'h', createdAt: hoursAgo(48) },
    ]);
    expect(await sweepExpiredIdempotencyKeys(database.db, now)).toBe(2);
    const left = await database.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(left.map((r) => r.key)).toEqual(['recent']);
  });
});
