// The Reports (issue 17) on real PostgreSQL through the HTTP API (the real app listening on a port,
// an API token, sequential requests on one keep-alive connection): each section over a month, a
// quarter and a year of one workspace holding 1,000,000 targets and 10,000,000 metric points
// (bench/reports-seed.ts), unfiltered and with a filter. Aim: p99 under 300 ms. Then the metrics
// pull job's throughput against a stand-in network (bench/metrics-pull-throughput.ts).
import { performance } from 'node:perf_hooks';
import { connectPostgres } from '@cadence/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rebuildInboxRollups } from '@cadence/domain/reports/rollups/inbox-rollups';
import { rebuildEngagementRollups } from '@cadence/domain/reports/rollups/engagement-rollups';
import { rebuildPostRollups } from '@cadence/domain/reports/rollups/post-rollups';
import { rebuildPublishedRollups } from '@cadence/domain/reports/rollups/published-rollups';
import { rebuildReportRollups } from '@cadence/domain/reports/rollups/rebuild-rollups';
import { dropDatabase, ensureDatabase } from './calendar-seed';
import { metricsPullThroughput } from './metrics-pull-throughput';
import { ensureInboxSeeded, INBOX_ITEMS } from './reports-inbox-seed';
import { isReportsSeeded, METRIC_POINTS, OWNER_ID, seedReports, TARGETS, WORKSPACE_ID } from './reports-seed';
import { startBenchApp } from './http-app';
import type { BenchSection } from './run';

const DATABASE_URL =
  process.env.BENCH_REPORTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench_reports';
const WARM_UP = 3;
const REQUESTS = Number(process.env.BENCH_REPORTS_REQUESTS ?? 20);
/** A case whose first answer takes longer than this is reported as such, not sampled. */
const TOO_SLOW_MS = 15_000;
const ALL_SECTIONS = ['plan-kept', 'workflow', 'charter', 'results', 'best-time', 'community'];
/**
 * BENCH_REPORTS_SECTIONS=workflow,charter measures only those (after a change to one query) and
 * writes them in their own subsection of the results, keeping the section's other figures.
 */
function sectionsToMeasure(): { sections: string[]; partial: boolean } {
  const wanted = (process.env.BENCH_REPORTS_SECTIONS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.length === 0) return { sections: ALL_SECTIONS, partial: false };
  const unknown = wanted.filter((name) => !ALL_SECTIONS.includes(name));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_REPORTS_SECTIONS: unknown ${unknown.join(', ')} (known: ${ALL_SECTIONS.join(', ')})`,
    );
  return { sections: wanted, partial: true };
}
const { sections: SECTIONS, partial: PARTIAL } = sectionsToMeasure();
const PERIODS: [string, string, string][] = [
  ['month', '2026-06-01', '2026-07-01'],
  ['quarter', '2026-04-01', '2026-07-01'],
  ['year', '2025-11-26', '2026-11-26'],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

async function migrateAndSeed(log: (line: string) => void) {
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
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const start = performance.now();
    const seeded = await isReportsSeeded(client);
    if (!seeded) await seedReports(client, log);
    // The seed writes with triggers off: the roll-ups come from the rebuild job's own code, as for
    // a workspace that existed before them (decision 0255).
    const rolledUp = await client.query('SELECT 1 FROM report_target_days LIMIT 1');
    const postsRolledUp = await client.query('SELECT 1 FROM report_post_days LIMIT 1');
    const rebuildStart = performance.now();
    if (!seeded || rolledUp.rowCount === 0) {
      await rebuildReportRollups(database.db, WORKSPACE_ID);
      await client.query('VACUUM ANALYZE report_target_days, report_post_days, report_post_charter');
      log(`seed: roll-ups rebuilt in ${((performance.now() - rebuildStart) / 1000).toFixed(1)} s`);
    } else if (
      postsRolledUp.rowCount === 0 &&
      SECTIONS.some((name) => name === 'workflow' || name === 'charter')
    ) {
      // Only when measured: the rebuild takes minutes on the shared machine.
      // A database seeded before the Workflow and Charter roll-up (decision 0302): only that one.
      await database.db.transaction((tx) => rebuildPostRollups(tx, WORKSPACE_ID));
      await client.query('VACUUM ANALYZE report_post_days, report_post_charter');
      log(`seed: post roll-ups rebuilt in ${((performance.now() - rebuildStart) / 1000).toFixed(1)} s`);
    }
    const published = await client.query('SELECT 1 FROM report_published_days LIMIT 1');
    if (published.rowCount === 0) {
      // A database rolled up before the published counts (decision 0314): only those.
      const start = performance.now();
      await database.db.transaction((tx) => rebuildPublishedRollups(tx, WORKSPACE_ID));
      await client.query('VACUUM ANALYZE report_published_days');
      log(`seed: published counts rebuilt in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    const engaged = await client.query('SELECT 1 FROM target_engagement LIMIT 1');
    if (!seeded || engaged.rowCount === 0) {
      const rebuildStart = performance.now();
      await rebuildEngagementRollups(database.db, WORKSPACE_ID);
      await client.query('VACUUM ANALYZE target_engagement, report_engagement_days, post_engagement');
      log(`seed: engagement roll-ups rebuilt in ${((performance.now() - rebuildStart) / 1000).toFixed(1)} s`);
    }
    await ensureInboxSeeded(client, log);
    // The Community roll-up (decision 0316): rebuilt when missing or when the seed's own inserts
    // left it as appended rows, so the run reads folded days as a workspace does between folds.
    const inboxRolledUp = await client.query(
      'SELECT 1 FROM report_inbox_days WHERE workspace_id = $1 AND folded LIMIT 1',
      [WORKSPACE_ID],
    );
    const inboxAppended = await client.query('SELECT 1 FROM report_inbox_days WHERE NOT folded LIMIT 1');
    if (inboxRolledUp.rowCount === 0 || (inboxAppended.rowCount ?? 0) > 0) {
      const rebuildStart = performance.now();
      await database.db.transaction((tx) => rebuildInboxRollups(tx, WORKSPACE_ID));
      await client.query('VACUUM ANALYZE report_inbox_days');
      log(`seed: inbox roll-up rebuilt in ${((performance.now() - rebuildStart) / 1000).toFixed(1)} s`);
    }
    return seeded ? null : (performance.now() - start) / 1000;
  } finally {
    await client.end();
    await database.close();
  }
}

const loadAverage = async () => {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
};

export default async function reportsBench(): Promise<BenchSection[]> {
  const seedSeconds = await migrateAndSeed((line) => console.log(`bench: ${line}`));
  const app = await startBenchApp({
    databaseUrl: DATABASE_URL,
    workspaceId: WORKSPACE_ID,
    ownerId: OWNER_ID,
    role: 'viewer',
    timeoutMs: 600_000,
  });
  const get = (path: string) => app.call('GET', path);
  const firstId = async (table: 'channels' | 'campaigns') =>
    (
      (await app.database.db.execute(
        sql`SELECT id FROM ${sql.raw(table)} WHERE workspace_id = ${WORKSPACE_ID} ORDER BY id LIMIT 1`,
      )) as unknown as { rows: { id: string }[] }
    ).rows[0]?.id;
  const channelId = await firstId('channels');
  const filters: [string, string][] = [
    ['', ''],
    ['one channel', `&channelId=${channelId}`],
    ['channel and campaign', `&channelId=${channelId}&campaignId=${await firstId('campaigns')}`],
    ['channel and author', `&channelId=${channelId}&authorId=${OWNER_ID}`],
    ['campaign and network', `&campaignId=${await firstId('campaigns')}&network=bluesky`],
  ];
  const loadBefore = await loadAverage();
  const lines = [
    `One workspace holding ${TARGETS.toLocaleString('en')} targets (500,000 posts over two years) and ${METRIC_POINTS.toLocaleString('en')} metric points, ${INBOX_ITEMS.toLocaleString('en')} inbox items (Community), PostgreSQL at 127.0.0.1, the API in process, one keep-alive connection, ${REQUESTS} sequential requests per case after ${WARM_UP} warm-up.${seedSeconds ? ` Seeded in ${seedSeconds.toFixed(0)} s.` : ''} The machine is shared with other engineers' work (2 cores): load average (1/5/15 min) ${loadBefore} before, LOAD_AFTER after.`,
    '',
    '| Report | Period | Filter | p50 ms | p99 ms |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const section of SECTIONS)
    for (const [period, from, to] of PERIODS)
      for (const [filterName, filter] of filters) {
        if (filter && period !== 'year') continue;
        const path = `/api/v1/workspaces/${WORKSPACE_ID}/reports/${section}?from=${from}&to=${to}${filter}`;
        const first = performance.now();
        await get(path);
        const firstMs = performance.now() - first;
        if (firstMs > TOO_SLOW_MS) {
          const row = `| ${section} | ${period} | ${filterName || 'none'} | one answer: ${(firstMs / 1000).toFixed(1)} s | not sampled |`;
          console.log(row);
          lines.push(row);
          continue;
        }
        for (let i = 1; i < WARM_UP; i++) await get(path);
        const samples: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const start = performance.now();
          await get(path);
          samples.push(performance.now() - start);
        }
        samples.sort((a, b) => a - b);
        const row = `| ${section} | ${period} | ${filterName || 'none'} | ${percentile(samples, 50).toFixed(1)} | ${percentile(samples, 99).toFixed(1)} |`;
        console.log(row);
        lines.push(row);
      }
  lines[0] = lines[0]?.replace('LOAD_AFTER', await loadAverage()) ?? '';
  await app.close();
  if (!PARTIAL) return [{ title: 'Reports (issue 17)', lines }, ...(await metricsPullThroughput())];
  return [{ title: 'Reports (issue 17)', subsection: `Latest run of ${SECTIONS.join(', ')}`, lines }];
}
