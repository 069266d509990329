// The inbox list of one workspace holding 200,000 items across 20 channels, on real PostgreSQL,
// through the HTTP API (the real app listening on a port, an API token, sequential requests on a
// keep-alive connection): first pages newest and oldest-waiting first, a filtered page, a page
// deep in the list through its cursor, and the badge counts. Aim (issue 16): p99 under 100 ms.
// Then the sync of 10,000 items across 20 channels (bench/inbox-sync.ts).
import { performance } from 'node:perf_hooks';
import { connectPostgres } from '@cadence/db';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from './calendar-seed';
import { startBenchApp } from './http-app';
import { benchInboxSync } from './inbox-sync';
import type { BenchSection } from './run';

const DATABASE_URL =
  process.env.BENCH_INBOX_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench_inbox';
const ITEMS = 200_000;
const CHANNELS = 20;
const WARM_UP = 30;
const REQUESTS = 300;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** One workspace, an owner, 20 channels and the items, written by SQL in one pass. */
async function seed(client: pg.Client) {
  await client.query(`
    INSERT INTO users (id, email, name, password_hash) VALUES
      ('00000000-0000-4000-8000-000000000001', 'inbox-bench@example.com', 'Bench', 'x');
    INSERT INTO workspaces (id, name, timezone) VALUES
      ('00000000-0000-4000-8000-000000000002', 'Inbox bench', 'Europe/Paris');
    INSERT INTO memberships (workspace_id, user_id, role) VALUES
      ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'owner');
    INSERT INTO channels (workspace_id, network, display_name, handle)
      SELECT '00000000-0000-4000-8000-000000000002', 'mastodon', 'Channel ' || g, '@c' || g
      FROM generate_series(1, ${CHANNELS}) g;`);
  await client.query(`
    INSERT INTO inbox_items (workspace_id, channel_id, network, external_id, kind, author_handle, author_name,
      text, created_at, thread_root_external_id, status, assignee_user_id)
    SELECT '00000000-0000-4000-8000-000000000002', c.id, 'mastodon', 'n' || g, 'mention',
      'fan' || (g % 5000) || '@example.social', 'Fan ' || (g % 5000),
      'A message from the community, number ' || g || ', asking something about the product.',
      now() - (g * interval '39 seconds'), 't' || (g % 40000),
      (CASE WHEN g % 10 < 5 THEN 'done' WHEN g % 10 < 8 THEN 'open' ELSE 'waiting' END)::inbox_status,
      CASE WHEN g % 7 = 0 THEN '00000000-0000-4000-8000-000000000001'::uuid END
    FROM generate_series(1, ${ITEMS}) g
    JOIN LATERAL (SELECT id FROM channels WHERE workspace_id = '00000000-0000-4000-8000-000000000002'
      ORDER BY id OFFSET (g % ${CHANNELS}) LIMIT 1) c ON true;
    ANALYZE inbox_items;`);
}

export default async function inboxBench(): Promise<BenchSection[]> {
  await ensureDatabase(DATABASE_URL);
  let database = connectPostgres(DATABASE_URL, 2);
  try {
    await database.migrate();
  } catch {
    await database.close();
    await dropDatabase(DATABASE_URL);
    await ensureDatabase(DATABASE_URL);
    database = connectPostgres(DATABASE_URL, 2);
    await database.migrate();
  }
  await database.close();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM inbox_items`);
  let seedSeconds: number | null = null;
  if (rows[0].n !== ITEMS) {
    await client.query(`TRUNCATE inbox_items, channels, memberships, workspaces, users CASCADE`);
    console.log(`bench: seeding ${ITEMS.toLocaleString('en')} inbox items…`);
    const start = performance.now();
    await seed(client);
    seedSeconds = (performance.now() - start) / 1000;
  }
  const channel = (
    await client.query(
      `SELECT id FROM channels WHERE workspace_id = '00000000-0000-4000-8000-000000000002' ORDER BY id LIMIT 1`,
    )
  ).rows[0]?.id as string;
  await client.end();

  const workspaceId = '00000000-0000-4000-8000-000000000002';
  const app = await startBenchApp({
    databaseUrl: DATABASE_URL,
    workspaceId,
    ownerId: '00000000-0000-4000-8000-000000000001',
    role: 'viewer',
  });
  const get = (path: string) => app.call('GET', path);
  const base = `/api/v1/workspaces/${workspaceId}/inbox`;
  // A cursor 20 pages deep (1,000 items in), as someone scrolling far would send.
  let cursor = '';
  for (let i = 0; i < 20; i++)
    cursor = JSON.parse(await get(`${base}/items?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
  const cases: [string, string][] = [
    ['newest, first page (50)', `${base}/items?limit=50`],
    ['oldest waiting, first page (50)', `${base}/items?order=oldest_waiting&limit=50`],
    ['one channel, open, first page (50)', `${base}/items?channelId=${channel}&status=open&limit=50`],
    [
      'assigned to a member, first page (50)',
      `${base}/items?assignee=00000000-0000-4000-8000-000000000001&limit=50`,
    ],
    ['newest, page 21 through the cursor', `${base}/items?limit=50&cursor=${cursor}`],
    ['badge counts', `${base}/counts`],
  ];
  const lines = [
    `${ITEMS.toLocaleString('en')} items in one workspace across ${CHANNELS} channels (PostgreSQL at 127.0.0.1, the API in process, one keep-alive connection, ${REQUESTS} sequential requests per case after ${WARM_UP} warm-up).${seedSeconds ? ` Seeded in ${seedSeconds.toFixed(1)} s.` : ''} The machine was shared with other engineers' work while this ran.`,
    '',
    '| Request | p50 ms | p99 ms |',
    '| --- | --- | --- |',
  ];
  for (const [name, path] of cases) {
    for (let i = 0; i < WARM_UP; i++) await get(path);
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      await get(path);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    lines.push(`| ${name} | ${percentile(samples, 50).toFixed(2)} | ${percentile(samples, 99).toFixed(2)} |`);
  }
  await app.close();
  return [
    { title: 'Inbox list (issue 16)', lines },
    { title: 'Inbox sync (issue 16)', lines: await benchInboxSync() },
  ];
}
