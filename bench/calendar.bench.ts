// The month calendar of one workspace among 50, over 1,000,000 targets on real PostgreSQL: through
// the HTTP API (the real app listening on a port, an API token, sequential requests on a keep-alive
// connection) next to the same SQL sent raw with node-postgres, in the same run.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { connectPostgres, users, workspaces } from '@cadence/db';
import { calendarPostsQuery } from '@cadence/domain/calendar/calendar-posts-query';
import { listCalendar, resolveRange } from '@cadence/domain/calendar/list-calendar';
import { MAX_EVENTS } from '@cadence/domain/calendar/schemas';
import { asc, eq, like } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { startBenchApp } from './http-app';
import { dropDatabase, ensureDatabase, isSeeded, seed, TARGETS, WORKSPACES } from './calendar-seed';
import type { BenchSection } from './run';

// A benchmark is a tool run by hand, not the app: it takes its database from its own variable.
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench';
const WARM_UP = 50;
const REQUESTS = 300;
const MONTH = { from: '2026-06-01', to: '2026-07-01' };

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function time(n: number, run: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const ms = (v: number) => v.toFixed(2);

async function prepare(): Promise<{ seconds: number | null }> {
  await ensureDatabase(DATABASE_URL);
  let database = connectPostgres(DATABASE_URL, 2);
  try {
    await database.migrate();
  } catch (err) {
    // A bench database from an older schema that no longer migrates: start again.
    console.log(`bench: migration failed (${String(err).slice(0, 120)}); recreating the database`);
    await database.close();
    await dropDatabase(DATABASE_URL);
    await ensureDatabase(DATABASE_URL);
    database = connectPostgres(DATABASE_URL, 2);
    await database.migrate();
  }
  await database.close();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    if (await isSeeded(client)) return { seconds: null };
    console.log(`bench: seeding ${TARGETS.toLocaleString('en')} targets…`);
    const start = performance.now();
    await seed(client);
    return { seconds: (performance.now() - start) / 1000 };
  } finally {
    await client.end();
  }
}

export default async function calendarBench(): Promise<BenchSection[]> {
  const seeded = await prepare();
  const lookup = connectPostgres(DATABASE_URL, 1);
  const [workspace] = await lookup.db
    .select()
    .from(workspaces)
    .where(like(workspaces.name, 'Bench %'))
    .orderBy(asc(workspaces.id))
    .limit(1);
  // A token lives by its creator's membership: the seed's writer is a member of every workspace.
  const [writer] = await lookup.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'bench@example.com'));
  await lookup.close();
  if (!workspace) throw new Error('no bench workspace');
  if (!writer) throw new Error('no bench user');

  const app = await startBenchApp({
    databaseUrl: DATABASE_URL,
    workspaceId: workspace.id,
    ownerId: writer.id,
    role: 'viewer',
  });
  const { db } = app.database;
  const path = `/api/v1/workspaces/${workspace.id}/calendar?from=${MONTH.from}&to=${MONTH.to}`;
  let last = '';
  // The body is read whole but not parsed (the raw side does not build objects either).
  const viaHttp = async () => {
    last = await app.call('GET', path);
  };

  // The very SQL the API runs (same builder, same range resolution), sent raw on one connection.
  const { from, to } = resolveRange(MONTH, workspace.timezone, 62);
  const query = new PgDialect().sqlToQuery(
    calendarPostsQuery({ workspaceId: workspace.id, from, to, limit: MAX_EVENTS + 1 }),
  );
  const raw = new pg.Client({ connectionString: DATABASE_URL });
  await raw.connect();
  let rawRows = 0;
  const viaSql = async () => {
    rawRows = (await raw.query(query.sql, query.params as unknown[])).rowCount ?? 0;
  };
  // The use case alone, in process: the query through drizzle and the event mapping, no HTTP.
  const actor = {
    workspaceId: workspace.id,
    workspaceTimezone: workspace.timezone,
    role: 'viewer' as const,
    userId: null,
    tokenId: null,
  };
  const viaUseCase = async () => {
    await listCalendar(db, actor, { from: MONTH.from, to: MONTH.to });
  };
  const plan = await raw.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params as unknown[]);
  const indexLine = plan.rows
    .map((r) => r['QUERY PLAN'])
    .find((l) => l.includes('post_targets_calendar_idx'));

  try {
    // Warm every path (caches, JIT, connection pools), then alternate request by request so that
    // the load of a shared machine weighs on all of them alike.
    await time(WARM_UP, viaHttp);
    await time(WARM_UP, viaSql);
    await time(WARM_UP, viaUseCase);
    const httpSamples: number[] = [];
    const sqlSamples: number[] = [];
    const useCaseSamples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      httpSamples.push(...(await time(1, viaHttp)));
      sqlSamples.push(...(await time(1, viaSql)));
      useCaseSamples.push(...(await time(1, viaUseCase)));
    }
    for (const samples of [httpSamples, sqlSamples, useCaseSamples]) samples.sort((a, b) => a - b);
    const events = (JSON.parse(last) as { items: unknown[] }).items.length;
    const bytes = Buffer.byteLength(last);
    if (rawRows !== events) throw new Error(`raw query returned ${rawRows} rows, the API ${events} events`);
    const h50 = percentile(httpSamples, 50);
    const s50 = percentile(sqlSamples, 50);
    const ratio = h50 / s50;
    return [
      {
        title: 'Calendar month query (HTTP API vs raw SQL)',
        lines: [
          `Workload: ${TARGETS.toLocaleString('en')} targets (500,000 posts x 2 channels) across ${WORKSPACES} workspaces over two years on PostgreSQL; ` +
            `one workspace's month (${MONTH.from} to ${MONTH.to}, Europe/Paris): ${events} posts (one item per post, channels stacked), ${(bytes / 1024).toFixed(0)} KiB of JSON. ` +
            `${REQUESTS} sequential requests of each after ${WARM_UP} warm-up, HTTP (real app on a port, API token, keep-alive), raw SQL and the use case alternating request by request. ` +
            `Machine load average at the start: ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores (shared with other work).`,
          '',
          seeded.seconds === null
            ? '- seed: reused the already seeded database'
            : `- seed: ${seeded.seconds.toFixed(0)} s (set-based SQL)`,
          `- plan: ${indexLine?.trim() ?? 'post_targets_calendar_idx NOT used'}`,
          '',
          '| path | p50 ms | p99 ms |',
          '| --- | --- | --- |',
          `| HTTP GET /calendar | ${ms(h50)} | ${ms(percentile(httpSamples, 99))} |`,
          `| raw SQL (node-postgres) | ${ms(s50)} | ${ms(percentile(sqlSamples, 99))} |`,
          `| use case in process (drizzle, no HTTP) | ${ms(percentile(useCaseSamples, 50))} | ${ms(percentile(useCaseSamples, 99))} |`,
          '',
          `Ratio HTTP p50 / raw SQL p50: **${ratio.toFixed(2)}x** (aim: under 2x) — ${ratio < 2 ? 'met' : 'missed'}.`,
        ],
      },
    ];
  } finally {
    await raw.end();
    await app.close();
  }
}
