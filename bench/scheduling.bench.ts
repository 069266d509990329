// What scheduling costs as one channel fills (issue 18): 3,000 posts scheduled one by one on the
// same channel through the HTTP API, the cost of the first calls against the last; then 5,000
// posts scheduled through the bulk endpoint (500 per request). Real app on a port, PostgreSQL at
// 127.0.0.1, an owner's API token, one keep-alive connection, a fresh database each run. The
// charter has no rule that counts other posts, as in a workspace that never set one.
// Aims: the 3,000th schedule within 1.5x of the first; 5,000 posts through the bulk endpoint in
// under 10 s. Then 5,000 posts approved through bulk-approve (bench/bulk-approve.ts), same aim;
// SCHEDULING_BENCH=approve runs that part alone.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { connectPostgres } from '@cadence/db';
import pg from 'pg';
import { benchBulkApprove } from './bulk-approve';
import { dropDatabase, ensureDatabase } from './calendar-seed';
import { startBenchApp } from './http-app';
import type { BenchSection } from './run';

const DATABASE_URL =
  process.env.BENCH_SCHEDULING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench_scheduling';
const ONE_BY_ONE = 3_000;
const BULK = 5_000;
const BULK_BATCH = 500;
const EDGE = 100; // calls compared at each end
const WORKSPACE = '00000000-0000-4000-8000-000000000002';
const OWNER = '00000000-0000-4000-8000-000000000001';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function seed(client: pg.Client): Promise<string[]> {
  await client.query(`
    INSERT INTO users (id, email, name, password_hash) VALUES ('${OWNER}', 'sched-bench@example.com', 'Bench', 'x');
    INSERT INTO workspaces (id, name, timezone, approval_scope) VALUES ('${WORKSPACE}', 'Scheduling bench', 'Europe/Paris', 'nobody');
    INSERT INTO memberships (workspace_id, user_id, role) VALUES ('${WORKSPACE}', '${OWNER}', 'owner');`);
  const { rows } = await client.query(
    `INSERT INTO channels (workspace_id, network, display_name, handle)
     SELECT '${WORKSPACE}', 'mastodon', 'Channel ' || g, '@c' || g FROM generate_series(1, 3) g RETURNING id`,
  );
  return rows.map((r) => r.id as string);
}

export default async function schedulingBench(): Promise<BenchSection[]> {
  await dropDatabase(DATABASE_URL);
  await ensureDatabase(DATABASE_URL);
  const migrator = connectPostgres(DATABASE_URL, 2);
  await migrator.migrate();
  await migrator.close();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const [oneByOneChannel, bulkChannel, approveChannel] = await seed(client);
  await client.end();
  const approving = () =>
    benchBulkApprove({
      databaseUrl: DATABASE_URL,
      workspaceId: WORKSPACE,
      ownerId: OWNER,
      channelId: approveChannel as string,
    }).then(approveSection);
  if (process.env.SCHEDULING_BENCH === 'approve') return [await approving()];

  const app = await startBenchApp({
    databaseUrl: DATABASE_URL,
    workspaceId: WORKSPACE,
    ownerId: OWNER,
    role: 'owner',
    connections: 4,
  });
  const call = async (method: 'POST', path: string, body: unknown) =>
    JSON.parse(await app.call(method, path, body));
  const base = `/api/v1/workspaces/${WORKSPACE}/posts`;
  const createDrafts = async (channelId: string, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 4) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(4, count - i) }, (_, k) =>
          call('POST', base, { text: `Post ${i + k} of the scheduling bench`, targets: [{ channelId }] }),
        ),
      );
      ids.push(...batch.map((p) => p.id as string));
    }
    return ids;
  };
  // Every 10 minutes from tomorrow 08:00 UTC: distinct instants, as a full queue would have (UTC, so
  // no DST gap falls among them).
  const tomorrow = new Date();
  const start = Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate() + 1, 8);
  const slot = (i: number) => new Date(start + i * 600_000).toISOString().slice(0, 16);

  console.log(`bench: creating ${ONE_BY_ONE + BULK} drafts…`);
  const single = await createDrafts(oneByOneChannel as string, ONE_BY_ONE);
  const many = await createDrafts(bulkChannel as string, BULK);

  console.log(`bench: scheduling ${ONE_BY_ONE} one by one…`);
  const perCall: number[] = [];
  for (const [i, id] of single.entries()) {
    const t0 = performance.now();
    await call('POST', `${base}/${id}/schedule`, { local: slot(i), timezone: 'UTC' });
    perCall.push(performance.now() - t0);
  }
  const first = median(perCall.slice(0, EDGE));
  const last = median(perCall.slice(-EDGE));

  console.log(`bench: scheduling ${BULK} in bulk…`);
  const bulkRequests: number[] = [];
  const bulkStart = performance.now();
  let failed = 0;
  for (let i = 0; i < BULK; i += BULK_BATCH) {
    const items = many
      .slice(i, i + BULK_BATCH)
      .map((postId, k) => ({ postId, local: slot(i + k), timezone: 'UTC' }));
    const t0 = performance.now();
    const answer = await call('POST', `${base}/bulk-schedule`, { items });
    bulkRequests.push(performance.now() - t0);
    failed += answer.failed as number;
  }
  const bulkSeconds = (performance.now() - bulkStart) / 1000;
  await app.close();
  console.log(`bench: approving ${BULK} in bulk…`);
  const approved = await approving();

  const ratio = last / first;
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return [
    {
      title: 'Scheduling as a channel fills, and in bulk (issue 18)',
      lines: [
        `Real app on a port, PostgreSQL 15 at 127.0.0.1, an owner's API token, keep-alive HTTP; no charter rule counts other posts. Load average (1 / 5 / 15 min) at the end: ${load} (the machine is shared with other engineers' builds and tests).`,
        '',
        '| figure | value | aim |',
        '| --- | ---: | --- |',
        `| one by one on one channel: median of calls 1-${EDGE} | ${first.toFixed(1)} ms | |`,
        `| same: median of calls ${ONE_BY_ONE - EDGE + 1}-${ONE_BY_ONE} | ${last.toFixed(1)} ms | |`,
        `| ratio last / first | ${ratio.toFixed(2)}x | <= 1.5x (${ratio <= 1.5 ? 'met' : 'NOT met'}) |`,
        `| ${BULK.toLocaleString('en')} posts on one channel through bulk-schedule (${BULK_BATCH} per request) | ${bulkSeconds.toFixed(1)} s | < 10 s (${bulkSeconds < 10 ? 'met' : 'NOT met'}) |`,
        `| same: median request (${BULK_BATCH} posts) | ${median(bulkRequests).toFixed(0)} ms | |`,
        `| items refused in bulk | ${failed} | 0 |`,
        '',
        'Bulk items are judged in memory and written in chunks of set-based statements, one transaction',
        'per request (`packages/domain/src/posts/bulk-schedule-posts.ts`, decision 0250).',
      ],
    },
    approved,
  ];
}

const loadNow = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

function approveSection(r: Awaited<ReturnType<typeof benchBulkApprove>>): BenchSection {
  return {
    title: 'Bulk approve (issue 18)',
    lines: [
      `\`pnpm bench scheduling\` (alone: \`SCHEDULING_BENCH=approve pnpm bench scheduling\`). Real app on a port, PostgreSQL 15 at 127.0.0.1, the owner signed in (approvals come from people, not API tokens), keep-alive HTTP; ${r.posts.toLocaleString('en')} posts of an editor waiting for one approval, no requested time, no charter rule. Load average (1 / 5 / 15 min) at the end: ${loadNow()} (2 cores shared with other engineers' work).`,
      '',
      '| figure | value | aim |',
      '| --- | ---: | --- |',
      `| ${r.posts.toLocaleString('en')} posts through bulk-approve (${r.perRequestSize} per request) | ${r.seconds.toFixed(1)} s | < 10 s (${r.seconds < 10 ? 'met' : 'NOT met'}) |`,
      `| same: median request (${r.perRequestSize} posts) | ${r.median.toFixed(0)} ms | |`,
      `| items approved / refused | ${r.approved} / ${r.refused} | ${r.posts} / 0 |`,
      '',
      "Items are judged in memory with the single approval's rules and written in chunks of set-based",
      'statements, one transaction per request (`packages/domain/src/posts/bulk-approve-posts.ts`, decision 0309).',
    ],
  };
}
