// Metrics pulls end to end on a real database: targets published through the real Mastodon and
// Bluesky adapters (against a stand-in) get their first pull queued 1 h after publication in the
// same transaction; the pull job stores the figures the network gives (absent stays absent), queues
// the next stage, waits as long as a 429 says, and ends the schedule when the post is gone.
import { type Database, jobs, metricPoints, postTargets, targetMetrics } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { METRICS_PULL_JOB } from '@cadence/domain/reports/metrics/schemas';
import { createJobRunner } from '@cadence/jobs';
import { defaultAdapters } from '@cadence/networks';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { registerMetricsPulls } from '../src/jobs/metrics-pull';
import { startMetricsStandIn, type StandIn } from './support/metrics-stand-in';
import { seedChannel, seedScheduledPosts, seedWorkspace, testKeyRing } from './support/seed';
import { testPublisher, tickUntil } from './support/test-publisher';

let database: Database;
let net: StandIn;
beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  net = await startMetricsStandIn();
});
afterAll(async () => {
  await net?.close();
  await database?.close();
});

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const HOUR = 3600_000;
const adapters = () => defaultAdapters({ db: database.db, allowPrivateNetworkUrls: true });
const pullJobs = (targetIds: string[]) =>
  database.db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, METRICS_PULL_JOB),
        inArray(
          jobs.key,
          targetIds.flatMap((id) => [0, 1, 2].map((s) => `${id}:${s}`)),
        ),
      ),
    );

/** A runner whose clock is `offsetMs` ahead, with the metrics jobs registered. */
function metricsRunner(offsetMs: () => number) {
  const clock = () => new Date(Date.now() + offsetMs());
  const runner = createJobRunner({
    db: database.db,
    workerId: `metrics-${Math.random()}`,
    logger: quiet,
    clock,
  });
  registerMetricsPulls(runner, {
    db: database.db,
    adapters: adapters(),
    keyRing: testKeyRing,
    clock,
    logger: quiet,
  });
  return runner;
}

async function until(done: () => Promise<boolean>, pass: () => Promise<void>) {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    await pass();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}

describe('metrics pulls', () => {
  let targets: { mastodon: string; bluesky: string };
  let externalIds: { mastodon: string; bluesky: string };

  it('queues the first pull 1 h after publication, in the publication transaction', async () => {
    const ws = await seedWorkspace(database.db);
    const m = await seedChannel(database.db, ws, 'mastodon', { instanceUrl: net.url, accessToken: 'tok' });
    const b = await seedChannel(database.db, ws, 'bluesky', {
      service: net.url,
      identifier: 'me.test',
      appPassword: 'aaaa-bbbb-cccc-dddd',
    });
    const seeded = await seedScheduledPosts(database.db, {
      workspaceId: ws,
      channels: [
        { id: m, network: 'mastodon' },
        { id: b, network: 'bluesky' },
      ],
      count: 1,
      at: () => new Date(Date.now() - 1000),
    });
    const publisher = testPublisher(database.db, adapters());
    const rows = () =>
      database.db.select().from(postTargets).where(inArray(postTargets.id, seeded.targetIds));
    await tickUntil(publisher, async () => (await rows()).every((t) => t.status === 'published'));
    await publisher.stop();
    const published = await rows();
    const byNetwork = (n: string) => published.find((t) => t.network === n);
    targets = { mastodon: byNetwork('mastodon')?.id ?? '', bluesky: byNetwork('bluesky')?.id ?? '' };
    externalIds = {
      mastodon: byNetwork('mastodon')?.externalId ?? '',
      bluesky: byNetwork('bluesky')?.externalId ?? '',
    };
    const queued = await pullJobs(seeded.targetIds);
    expect(queued).toHaveLength(2);
    for (const job of queued) {
      const target = published.find((t) => job.key === `${t.id}:0`);
      expect(job.runAt.getTime()).toBe((target?.publishedAt?.getTime() ?? 0) + HOUR);
      expect(job.status).toBe('queued');
    }
  });

  it('pulls at 1 h: stores what each network gives and queues the 6 h pull', async () => {
    net.figures.set(externalIds.mastodon, { replies_count: 3, reblogs_count: 4, favourites_count: 9 });
    net.figures.set(externalIds.bluesky, { replyCount: 1, repostCount: 2, likeCount: 5, quoteCount: 0 });
    const runner = metricsRunner(() => HOUR + 1000);
    const ids = [targets.mastodon, targets.bluesky];
    await until(
      async () => (await pullJobs(ids)).filter((j) => j.status === 'done').length === 2,
      () => runner.runOnce(),
    );
    await runner.stop();
    const latest = await database.db.select().from(targetMetrics).where(inArray(targetMetrics.targetId, ids));
    const of = (id: string) =>
      Object.fromEntries(latest.filter((r) => r.targetId === id).map((r) => [r.metric, r.value]));
    // Mastodon gives no quotes: no row, so reports say "not available"; Bluesky's 0 quotes is a 0.
    expect(of(targets.mastodon)).toEqual({ replies: 3, reposts: 4, likes: 9 });
    expect(of(targets.bluesky)).toEqual({ replies: 1, reposts: 2, likes: 5, quotes: 0 });
    const points = await database.db.select().from(metricPoints).where(inArray(metricPoints.targetId, ids));
    expect(points).toHaveLength(7);
    const next = (await pullJobs(ids)).filter((j) => j.key?.endsWith(':1'));
    expect(next).toHaveLength(2);
    const [target] = await database.db.select().from(postTargets).where(eq(postTargets.id, targets.mastodon));
    const stage1 = next.find((j) => j.key === `${targets.mastodon}:1`);
    expect(stage1?.runAt.getTime()).toBe((target?.publishedAt?.getTime() ?? 0) + 6 * HOUR);
  });

  it('on a 429, comes back when the network said, through the runner', async () => {
    net.rateLimitSeconds = 600;
    const runner = metricsRunner(() => 6 * HOUR + 1000);
    const key = `${targets.mastodon}:1`;
    const job = async () => (await pullJobs([targets.mastodon])).find((j) => j.key === key);
    await until(
      async () => (await job())?.attempts === 1,
      () => runner.runOnce(),
    );
    await runner.stop();
    const row = await job();
    expect(row?.status).toBe('queued');
    expect(row?.lastError).toMatch(/HTTP 429/);
    // Retry-After: 600 s from the runner's clock (6 h ahead of now), not the one-minute backoff.
    expect(row?.runAt.getTime()).toBeGreaterThanOrEqual(Date.now() + 6 * HOUR + 590_000);
    net.rateLimitSeconds = null;
  });

  it('a later pull updates the latest figures, and a deleted post ends its schedule', async () => {
    net.figures.set(externalIds.mastodon, { replies_count: 4, reblogs_count: 4, favourites_count: 20 });
    net.deleted.add(externalIds.bluesky);
    const runner = metricsRunner(() => 6 * HOUR + 700_000);
    const ids = [targets.mastodon, targets.bluesky];
    await until(
      async () =>
        (await pullJobs(ids)).filter((j) => j.key?.endsWith(':1') && j.status === 'done').length === 2,
      () => runner.runOnce(),
    );
    await runner.stop();
    const [likes] = await database.db
      .select()
      .from(targetMetrics)
      .where(and(eq(targetMetrics.targetId, targets.mastodon), eq(targetMetrics.metric, 'likes')));
    expect(likes?.value).toBe(20);
    const stage2 = (await pullJobs(ids)).filter((j) => j.key?.endsWith(':2')).map((j) => j.key);
    expect(stage2).toEqual([`${targets.mastodon}:2`]);
  });
});
