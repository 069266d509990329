// The ambient database handle follows a request's held transaction (idempotent requests) only
// while it is open. Work the handler started that outlives the request (a timer, a promise not
// awaited) inherits the async context; once the transaction has ended, its queries go to the
// database itself instead of a finished transaction (on PostgreSQL, a connection already handed
// back to the pool and possibly inside another request's transaction).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdTransaction, runInTransaction } from '../src/http/held-transaction';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('held transactions', () => {
  it('a query started in the transaction’s context after it ended goes to the database', async () => {
    const db = t.ctx.database.db;
    await db.execute(sql`create table if not exists held_probe (n int)`);
    const held = await holdTransaction(db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let later!: Promise<unknown>;
    await runInTransaction(held, async () => {
      await db.execute(sql`insert into held_probe values (1)`);
      // Work that outlives the request: it runs after the commit below.
      later = gate.then(() => db.execute(sql`insert into held_probe values (2)`));
    });
    await held.commit();
    release();
    await later;
    const rows = await db.execute(sql`select n from held_probe order by n`);
    const values = ((rows as unknown as { rows: { n: number }[] }).rows ?? rows).map(
      (r: { n: number }) => r.n,
    );
    expect(values).toEqual([1, 2]);
  });
});
