// The shared fixed-window counters behind send limits (send/rate-limits.ts) on a real database:
// every open window is counted on its own, so a target going now is not refused because
// look-ahead targets already took a later window (decision 0318).
import { type Database, publisherRateWindows } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { sweepEndedWindows, takeFromWindows } from '../src/send/rate-limits';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
});
afterAll(async () => database?.close());

const perSecond = (max: number) => ({ max, perMs: 1000 });
const take = (key: string, at: Date, wanted: number, max = 3) =>
  takeFromWindows(database.db, [{ key, wanted, allowance: perSecond(max), at }]).then((g) => g.get(key));

describe('rate windows', () => {
  it('counts a window now after a later window was taken', async () => {
    const key = `channel:late-${Math.random()}`;
    const now = new Date(Date.UTC(2030, 0, 1, 12, 0, 0, 200));
    // Look-ahead targets took their places two and three seconds ahead...
    expect(await take(key, new Date(now.getTime() + 2000), 2)).toBe(2);
    expect(await take(key, new Date(now.getTime() + 3000), 1)).toBe(1);
    // ...and a late target still gets its place in the current window.
    expect(await take(key, now, 1)).toBe(1);
  });

  it('grants no more than the allowance of each window, across calls', async () => {
    const key = `channel:full-${Math.random()}`;
    const at = new Date(Date.UTC(2030, 0, 1, 12, 0, 1, 0));
    expect(await take(key, at, 2)).toBe(2);
    expect(await take(key, new Date(at.getTime() + 500), 5)).toBe(1);
    expect(await take(key, new Date(at.getTime() + 900), 1)).toBe(0);
    // The next window starts afresh.
    expect(await take(key, new Date(at.getTime() + 1000), 5)).toBe(3);
  });

  it('sweeps only the windows that have ended', async () => {
    const key = `channel:sweep-${Math.random()}`;
    const at = new Date(Date.UTC(2030, 0, 1, 12, 0, 5, 0));
    await take(key, at, 1);
    await take(key, new Date(at.getTime() + 1000), 1);
    await sweepEndedWindows(database.db, new Date(at.getTime() + 1500));
    const left = await database.db
      .select({ start: publisherRateWindows.windowStart })
      .from(publisherRateWindows)
      .where(eq(publisherRateWindows.key, key));
    expect(left.map((w) => w.start.getTime())).toEqual([at.getTime() + 1000]);
  });
});
