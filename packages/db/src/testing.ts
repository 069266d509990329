// Test databases: one fresh, migrated database per test file.
// - PGlite (default): the global setup migrates one instance and dumps its data directory;
//   each test file loads that dump, which skips initdb and the migrations (seconds saved per file).
// - Real PostgreSQL (TEST_DATABASE_URL): the global setup migrates a template database; each test
//   file gets CREATE DATABASE ... TEMPLATE, which copies it in milliseconds.
// Several runs may share one server (engineers, CI): every name carries the run's id (derived from
// the dump path, which is unique per run), so one run never drops another run's databases.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { connectPostgres, type Database, openPglite } from './client';

/** A short id for one test run, the same in the global setup and in every worker. */
function runId(dumpPath: string): string {
  return createHash('sha256').update(dumpPath).digest('hex').slice(0, 10);
}

export const templateDbName = (dumpPath: string) => `cadence_tpl_${runId(dumpPath)}`;
const fileDbPrefix = (dumpPath: string) => `cadence_t_${runId(dumpPath)}_`;

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
    const templateDb = templateDbName(env.dumpPath);
    const prefix = fileDbPrefix(env.dumpPath);
    await admin(url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${templateDb}`);
    });
    const template = connectPostgres(withDatabase(url, templateDb), 1);
    await template.migrate();
    await template.close();
    return async () => {
      await admin(url, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
          [prefix],
        );
        for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
        await c.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
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
    const name = `${fileDbPrefix(env.dumpPath)}${randomBytes(6).toString('hex')}`;
    const templateDb = templateDbName(env.dumpPath);
    await admin(env.TEST_DATABASE_URL, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb}`));
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
