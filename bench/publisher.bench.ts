// Publisher throughput and punctuality on real PostgreSQL with a no-op network, run as real
// publisher processes (the fixture that wraps the same process runner as apps/publisher/src/main.ts).
// - drain: 20,000 targets due at one instant, with one and with two processes; targets/s from the
//   instant to the last `published` row.
// - lag: 1,000 targets spread over 10 s, one process; lag = sending_started_at - scheduled_at, where
//   sending_started_at is taken just before `sending` is committed and the network called.
import type { ChildProcess } from 'node:child_process';
import { freshBenchDatabase } from '../apps/publisher/test/support/bench-db';
import {
  compileFixture,
  killHard,
  startPublisher,
  stopGracefully,
} from '../apps/publisher/test/support/processes';
import { seedChannel, seedScheduledPosts, seedWorkspace } from '../apps/publisher/test/support/seed';
import { killMode } from './publisher-kill';
import { webhookMode } from './publisher-webhook-mode';
import type { BenchSection } from './run';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench_pub';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Bench = Awaited<ReturnType<typeof freshBenchDatabase>>;

function startWorkers(n: number): ChildProcess[] {
  return Array.from({ length: n }, () =>
    startPublisher(
      url,
      {
        mode: 'noop',
        options: { claimBatch: 500, maxHeld: 5000, maxConcurrentCalls: 64 },
      },
      {},
      { compiled: true },
    ),
  );
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function seed(b: Bench, targets: number, at: (i: number) => Date) {
  const db = b.database.db;
  const workspaceId = await seedWorkspace(db);
  const channels = [];
  for (let i = 0; i < 10; i++)
    channels.push({ id: await seedChannel(db, workspaceId, 'sandbox'), network: 'sandbox' as const });
  await seedScheduledPosts(db, { workspaceId, channels, count: targets / channels.length, at });
}

async function drain(b: Bench, processes: number) {
  await b.reset();
  const total = 20_000;
  // Seeded an hour ahead, then moved to one instant once the processes are up, so process
  // start-up is not measured.
  await seed(b, total, () => new Date(Date.now() + 3_600_000));
  const children = startWorkers(processes);
  try {
    await waitFor(async () => (await b.heartbeats()) >= processes, 20_000, 'publishers to start');
    const instant = new Date(Date.now() + 1000);
    await b.moveAllTo(instant);
    await waitFor(async () => (await b.published()) >= total, 120_000, 'the drain');
    const seconds = ((await b.lastPublishedAt()).getTime() - instant.getTime()) / 1000;
    return { seconds, perSecond: Math.round(total / seconds) };
  } finally {
    await Promise.all(children.map((c) => stopGracefully(c)));
  }
}

async function lag(b: Bench) {
  await b.reset();
  const children = startWorkers(1);
  try {
    await waitFor(async () => (await b.heartbeats()) >= 1, 20_000, 'the publisher to start');
    const start = Date.now() + 3000;
    await seed(b, 1000, (i) => new Date(start + i * 100));
    await waitFor(async () => (await b.published()) >= 1000, 60_000, 'the lag run');
    return await b.lag();
  } finally {
    await Promise.all(children.map((c) => killHard(c)));
  }
}

export default async function run(): Promise<BenchSection[]> {
  const bench = await freshBenchDatabase(url);
  // Publisher processes run compiled, as `pnpm start:publisher` runs them: a restart after a kill
  // then costs what it costs a user, not tsx's compile.
  await compileFixture();
  try {
    // PUBLISHER_BENCH=webhook runs only the webhook mode (the no-op section keeps its last figures).
    if (process.env.PUBLISHER_BENCH === 'webhook') return [await webhookMode(bench, url)];
    if (process.env.PUBLISHER_BENCH === 'kill') return [await killMode(bench, url)];
    const one = await drain(bench, 1);
    const two = await drain(bench, 2);
    const late = await lag(bench);
    const webhook = await webhookMode(bench, url);
    const kill = await killMode(bench, url);
    return [
      webhook,
      kill,
      {
        title: 'Publisher throughput and lag',
        lines: [
          'Real PostgreSQL 15 on the same machine, no-op network adapter, publisher processes started with the',
          'default batch of 500 (at most 5,000 held per process, 64 calls at once since decision 0180). Each target goes',
          'through the whole ledger: send-time checks (post, channel, charter), `claimed`, `sending` committed',
          'before the call, `published` + attempt log + post status in one transaction.',
          '',
          '| figure | result | reference (graphile-worker 0.17, 2 cores) | aim |',
          '| --- | --- | --- | --- |',
          `| drain 20,000 due at once, 1 process | ${one.perSecond.toLocaleString('en')} targets/s (${one.seconds.toFixed(1)} s) | ~1,400 jobs/s (4,800 batched) | > 5,000/s |`,
          `| drain 20,000 due at once, 2 processes | ${two.perSecond.toLocaleString('en')} targets/s (${two.seconds.toFixed(1)} s) | | |`,
          `| lag p50, 1,000 targets over 10 s | ${late.p50.toFixed(1)} ms | 1.1 s | |`,
          `| lag p99 | ${late.p99.toFixed(1)} ms | 2.0 s | < 100 ms |`,
          `| lag min / max | ${late.min.toFixed(1)} / ${late.max.toFixed(1)} ms | | |`,
          '',
          'Throughput is measured from the due instant to the last `published_at`, with the processes already',
          'running. On 2 cores, two publisher processes and PostgreSQL share the same two cores. Lag here is the',
          '`sending` commit minus the instant: it is negative by design, as the commit is made ahead and the call',
          'held until the instant (decision 0180); the webhook mode above measures real arrival times.',
          '',
          `Aims: throughput ${one.perSecond >= 5000 ? 'met' : 'NOT met'} (${one.perSecond.toLocaleString('en')} vs 5,000/s), lag p99 ${late.p99 < 100 ? 'met' : 'NOT met'} (${late.p99.toFixed(0)} vs 100 ms).`,
        ],
      },
    ];
  } finally {
    await bench.database.close();
  }
}
