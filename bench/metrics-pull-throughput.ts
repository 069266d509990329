// The metrics pull job's throughput: 2,000 published Mastodon targets with their first pull due,
// one job runner (the publisher's, with its registered concurrency of 4 pulls) against the
// stand-in network of the publisher tests on loopback; figures stored per second, from the runner's
// start to the last pull done. The stand-in answers at once, so this measures Cadence's side
// (claim, read the target, call, store points and latest values, queue the next stage).
import { performance } from 'node:perf_hooks';
import { jobs } from '@cadence/db';
import { enqueuePulls } from '@cadence/domain/reports/metrics/plan-pulls';
import { METRICS_PULL_JOB } from '@cadence/domain/reports/metrics/schemas';
import { createJobRunner } from '@cadence/jobs';
import { defaultAdapters } from '@cadence/networks';
import { and, eq, sql } from 'drizzle-orm';
import { registerMetricsPulls } from '../apps/publisher/src/jobs/metrics-pull';
import { freshBenchDatabase } from '../apps/publisher/test/support/bench-db';
import { startMetricsStandIn } from '../apps/publisher/test/support/metrics-stand-in';
import { seedChannel, seedWorkspace, testKeyRing } from '../apps/publisher/test/support/seed';
import type { BenchSection } from './run';

const url = process.env.BENCH_PULL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench_pull';
const TARGETS = 2_000;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export async function metricsPullThroughput(): Promise<BenchSection[]> {
  const bench = await freshBenchDatabase(url);
  const db = bench.database.db;
  const net = await startMetricsStandIn();
  try {
    const workspaceId = await seedWorkspace(db);
    const channelId = await seedChannel(db, workspaceId, 'mastodon', {
      instanceUrl: net.url,
      accessToken: 'tok',
    });
    const publishedAt = new Date(Date.now() - 2 * 3_600_000);
    await db.execute(sql`
      INSERT INTO posts (workspace_id, status, text, scheduled_at)
        SELECT ${workspaceId}, 'published', 'Post ' || g, ${publishedAt.toISOString()}::timestamptz
        FROM generate_series(1, ${TARGETS}) g`);
    await db.execute(sql`
      INSERT INTO post_targets (post_id, workspace_id, channel_id, network, status, scheduled_at, published_at, external_id)
        SELECT id, workspace_id, ${channelId}, 'mastodon', 'published', scheduled_at, scheduled_at, 's' || text
        FROM posts`);
    const targets = (await db.execute(sql`SELECT id, external_id FROM post_targets`)) as unknown as {
      rows: { id: string; external_id: string }[];
    };
    for (const t of targets.rows)
      net.figures.set(t.external_id, { replies_count: 1, reblogs_count: 2, favourites_count: 3 });
    await enqueuePulls(
      db,
      targets.rows.map((t) => ({ targetId: t.id, publishedAt, stage: 0 })),
      new Date(),
    );
    const runner = createJobRunner({
      db,
      workerId: 'bench-metrics',
      logger: quiet,
      options: { pollEveryMs: 20 },
    });
    registerMetricsPulls(runner, {
      db,
      adapters: defaultAdapters({ db, allowPrivateNetworkUrls: true }),
      keyRing: testKeyRing,
      clock: () => new Date(),
      logger: quiet,
    });
    const stageZeroDone = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(jobs)
          .where(and(eq(jobs.kind, METRICS_PULL_JOB), eq(jobs.status, 'done')))
      )[0]?.n ?? 0;
    const start = performance.now();
    runner.start();
    const deadline = Date.now() + 600_000;
    while ((await stageZeroDone()) < TARGETS) {
      if (Date.now() > deadline) throw new Error('metrics pulls did not finish in 10 min');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - start) / 1000;
    await runner.stop();
    const points = (await db.execute(sql`SELECT count(*)::int AS n FROM metric_points`)) as unknown as {
      rows: { n: number }[];
    };
    const stored = points.rows[0]?.n ?? 0;
    return [
      {
        title: 'Metrics pull job (issue 17)',
        lines: [
          `${TARGETS.toLocaleString('en')} Mastodon targets with their 1 h pull due, one job runner (4 pulls at a time, as registered), a stand-in Mastodon on loopback answering at once, PostgreSQL at 127.0.0.1; the machine is shared with other engineers' work.`,
          '',
          `- ${TARGETS.toLocaleString('en')} pulls in ${seconds.toFixed(1)} s: ${Math.round(TARGETS / seconds)} pulls/s, ${Math.round(stored / seconds)} figures stored/s (${stored.toLocaleString('en')} points; the next stage queued for each)`,
          `- stand-in reads: ${net.reads.toLocaleString('en')}`,
        ],
      },
    ];
  } finally {
    await net.close();
    await bench.database.close();
  }
}
