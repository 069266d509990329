// Database chores for bench/publisher.bench.ts, kept here where drizzle and pg are dependencies.
import { connectPostgres } from '@cadence/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';

export async function freshBenchDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const database = connectPostgres(url, 4);
  await database.migrate();
  const one = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows[0] as T;
  return {
    database,
    reset: () =>
      database.db.execute(
        sql`TRUNCATE posts, post_targets, target_attempts, publisher_heartbeats, publisher_rate_limits, publisher_rate_windows, target_reconciliations, channels, workspaces CASCADE`,
      ),
    heartbeats: async () =>
      (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM publisher_heartbeats`)).n,
    published: async () =>
      (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM post_targets WHERE status = 'published'`))
        .n,
    moveAllTo: (instant: Date) =>
      database.db.execute(sql`UPDATE post_targets SET scheduled_at = ${instant.toISOString()}::timestamptz`),
    lastPublishedAt: async () =>
      new Date(
        (await one<{ last: string | Date }>(sql`SELECT max(published_at) AS last FROM post_targets`)).last,
      ),
    lag: async () => {
      const row = await one<{ p50: number; p99: number; max: number; min: number }>(sql`
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
               percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
               max(ms) AS max, min(ms) AS min
        FROM (SELECT extract(epoch FROM sending_started_at - scheduled_at) * 1000 AS ms FROM post_targets) l`);
      return { p50: Number(row.p50), p99: Number(row.p99), max: Number(row.max), min: Number(row.min) };
    },
  };
}
