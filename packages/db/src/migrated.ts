// Has the schema been migrated to what this code expects? A separate publisher process never
// migrates (the API does); started first, it waits for the migrations instead of failing.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import { type Database, migrationsFolder } from './client';

export async function missingMigrations(database: Database): Promise<number> {
  const expected = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
  try {
    const result = await database.db.execute(sql`SELECT hash FROM drizzle.__drizzle_migrations`);
    const applied = new Set((result as unknown as { rows: { hash: string }[] }).rows.map((r) => r.hash));
    return expected.filter((h) => !applied.has(h)).length;
  } catch {
    // No migrations table yet (or the server is not answering): nothing applied that we can see.
    return expected.length;
  }
}

export async function waitForMigrations(
  database: Database,
  input: { everyMs?: number; onWait?: (missing: number) => void; signal?: AbortSignal } = {},
): Promise<void> {
  let reported = -1;
  for (;;) {
    const missing = await missingMigrations(database);
    if (missing === 0) return;
    if (missing !== reported) input.onWait?.(missing);
    reported = missing;
    if (input.signal?.aborted) throw new Error('stopped while waiting for the database migrations');
    await new Promise((resolve) => setTimeout(resolve, input.everyMs ?? 1000));
  }
}
