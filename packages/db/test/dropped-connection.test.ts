// A connection PostgreSQL drops while a transaction waits between statements (a server restart, an
// administrator's pg_terminate_backend) must fail that transaction, not the process: pg emits the
// error on the checked-out client, where an 'error' event nobody listens to is an uncaught exception
// (it stopped every publisher at once in the fault suite's restart test). PostgreSQL only.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connectPostgres } from '../src/client';

const url = process.env.TEST_DATABASE_URL;
type Rows<T> = { rows: T[] };

describe.skipIf(!url)('a connection dropped under a transaction', () => {
  it('fails that transaction; the process and the pool go on', async () => {
    const database = connectPostgres(url as string, 2);
    const admin = connectPostgres(url as string, 1);
    try {
      const work = database.db.transaction(async (tx) => {
        const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as Rows<{
          pid: number;
        }>;
        await admin.db.execute(sql`select pg_terminate_backend(${rows[0]?.pid})`);
        // The termination reaches the client while it is checked out and idle.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.execute(sql`select 1`);
      });
      await expect(work).rejects.toThrow();
      const again = (await database.db.execute(sql`select 1 as one`)) as unknown as Rows<{ one: number }>;
      expect(again.rows[0]).toEqual({ one: 1 });
    } finally {
      await database.close();
      await admin.close();
    }
  });
});
