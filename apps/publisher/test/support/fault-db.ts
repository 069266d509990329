// A database of its own for a fault-injection test, copied from the run's migrated template, with
// the table the recording fake network writes to.
import { randomBytes } from 'node:crypto';
import { connectPostgres } from '@cadence/db';
import { templateDbName } from '@cadence/db/testing';
import { sql } from 'drizzle-orm';
import pg from 'pg';

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createFaultDatabase(serverUrl: string, dumpPath: string) {
  const name = `cadence_fault_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${templateDbName(dumpPath)}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = connectPostgres(url, 5);
  await database.db.execute(
    sql`CREATE TABLE fake_network_posts (target_id uuid NOT NULL, worker_pid int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
  return {
    url,
    database,
    async drop() {
      await database.close();
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
