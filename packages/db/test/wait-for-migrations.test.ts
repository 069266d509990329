// A publisher process started before the API has migrated the database waits for the schema
// instead of failing: waitForMigrations resolves only once every migration file is applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../src/client';
import { missingMigrations, waitForMigrations } from '../src/migrated';

// One fresh (unmigrated) embedded database for both tests: creating one takes seconds.
let database: Database;
beforeAll(async () => {
  database = await openPglite();
}, 60_000);
afterAll(async () => database?.close());

describe('waiting for the migrations', () => {
  it('stops waiting when told to', async () => {
    const stop = new AbortController();
    const waiting = waitForMigrations(database, { everyMs: 10, signal: stop.signal });
    stop.abort();
    await expect(waiting).rejects.toThrow(/stopped while waiting/);
  });

  it('waits on an empty database and goes on once it is migrated', { timeout: 60_000 }, async () => {
    const expected = await missingMigrations(database);
    expect(expected).toBeGreaterThan(0);
    const waits: number[] = [];
    let ready = false;
    const waiting = waitForMigrations(database, { everyMs: 20, onWait: (n) => waits.push(n) }).then(() => {
      ready = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ready).toBe(false);
    expect(waits).toEqual([expected]);
    await database.migrate();
    await waiting;
    expect(await missingMigrations(database)).toBe(0);
  });
});
