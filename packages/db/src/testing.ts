// Test databases: one fresh, migrated database per test file.
// - PGlite (default): the global setup migrates one instance and dumps its data directory;
//   each test file loads that dump, which skips initdb and the migrations (seconds saved per file).
// - Real PostgreSQL (TEST_DATABASE_URL): the global setup migrates a template database; each test
//   file gets CREATE DATABASE ... TEMPLATE, which copies it in milliseconds.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { connectPostgres, type Database, openPglite } from './client';

export const TEMPLATE_DB = 'cadence_test_template';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Called once by the vitest global setup. Returns a teardown. */
export async function prepareTestDatabases(env: {
  TEST_DATABASE_URL?: string | undefined;
  dumpPath: string;
}): Promise<() => Promise<void>> {
  if (env.TEST_DATABASE_URL) {
    const url = env.TEST_DATABASE_URL;
    await admin(url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    });
    const template = connectPostgres(withDatabase(url, TEMPLATE_DB), 1);
    await template.migrate();
    await template.close();
    return async () => {
      await admin(url, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE 'cadence_t_%'",
        );
        for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      });
    };
  }
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  const database = await openPglite();
  await database.migrate();
  const dump = await dumpPglite(database);
  mkdirSync(dirname(env.dumpPath), { recursive: true });
  writeFileSync(env.dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return async () => {};
}

async function dumpPglite(database: Database): Promise<Blob> {
  if (!database.pglite) throw new Error('not a PGlite database');
  return database.pglite.dumpDataDir('none');
}

export async function createTestDatabase(env: {
  TEST_DATABASE_URL?: string | undefined;
  dumpPath: string;
}): Promise<Database> {
  if (env.TEST_DATABASE_URL) {
    const name = `cadence_t_${randomBytes(6).toString('hex')}`;
    await admin(env.TEST_DATABASE_URL, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
    const database = connectPostgres(withDatabase(env.TEST_DATABASE_URL, name), 20);
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        await admin(env.TEST_DATABASE_URL as string, (c) =>
          c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
        );
      },
    };
  }
  return openPglite({ loadDataDir: new Blob([readFileSync(env.dumpPath)]) });
}
