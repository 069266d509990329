// Fault injection on real PostgreSQL: several publisher processes (child processes running the
// same process runner as src/main.ts) against one database, with a recording fake network.
// kill -9 mid-run, a PostgreSQL restart mid-run, and a network failing 30% of calls: at the end
// every target is published exactly once, or failed with a reason, or unknown; never twice.
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { postTargets, targetReconciliations } from '@cadence/db';
import { count, inArray, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, inject } from 'vitest';
import type { FixtureSpec } from './fixtures/recording-publisher';
import { createFaultDatabase } from './support/fault-db';
import { killHard, startPublisher, stopGracefully } from './support/processes';
import { seedChannel, seedScheduledPosts, seedWorkspace } from './support/seed';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl)
  console.warn('fault-injection tests skipped: set TEST_DATABASE_URL to a PostgreSQL server to run them');

const fastLeases: FixtureSpec['options'] = {
  claimLeaseMs: 1500,
  sendTimeoutMs: 800,
  sendLeaseMarginMs: 700,
  reconcileEveryMs: 250,
  claimBatch: 100,
  maxHeld: 400,
  backoff: { baseMs: 100, maxMs: 800 },
};

type Fault = Awaited<ReturnType<typeof createFaultDatabase>>;
let fault: Fault | undefined;
let children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(children.map((c) => killHard(c)));
  children = [];
  await fault?.drop();
  fault = undefined;
});

async function setup(targets: number, spreadMs: number) {
  fault = await createFaultDatabase(serverUrl as string, inject('testDbDumpPath'));
  const db = fault.database.db;
  const workspaceId = await seedWorkspace(db);
  const channels = [];
  for (let i = 0; i < 10; i++)
    channels.push({ id: await seedChannel(db, workspaceId, 'sandbox'), network: 'sandbox' as const });
  const postsCount = targets / channels.length;
  const start = Date.now() + 1500;
  const seeded = await seedScheduledPosts(db, {
    workspaceId,
    channels,
    count: postsCount,
    at: (i) => new Date(start + Math.floor((i * spreadMs) / postsCount)),
  });
  return { db, ...seeded };
}

/** Waits until no target is waiting, held by a worker, or queued for reconciliation. */
async function settled(db: Fault['database']['db'], timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const [open] = await db
        .select({ n: count() })
        .from(postTargets)
        .where(inArray(postTargets.status, ['scheduled', 'claimed', 'sending']));
      const [recon] = await db.select({ n: count() }).from(targetReconciliations);
      if (open?.n === 0 && recon?.n === 0) return;
    } catch {
      // The database may be restarting.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('targets did not settle in time');
}

async function outcome(db: Fault['database']['db']) {
  const result = await db.execute(sql`
    SELECT t.status, t.last_error, coalesce(p.n, 0)::int AS posts
    FROM post_targets t
    LEFT JOIN (SELECT target_id, count(*) AS n FROM fake_network_posts GROUP BY target_id) p ON p.target_id = t.id`);
  const rows = (result as unknown as { rows: { status: string; last_error: string | null; posts: number }[] })
    .rows;
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const log = await db.execute(sql`SELECT outcome, count(*)::int AS n FROM target_attempts GROUP BY outcome`);
  const attempts = Object.fromEntries(
    (log as unknown as { rows: { outcome: string; n: number }[] }).rows.map((r) => [r.outcome, r.n]),
  );
  return { rows, byStatus, attempts };
}

/**
 * The cluster behind TEST_DATABASE_URL: "main" unless FAULTS_PG_CLUSTER names another, so the suite
 * can restart a throwaway cluster instead of the one other work on the machine is using.
 */
function restartCommand(): [string, string[]] {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  const cluster = process.env.FAULTS_PG_CLUSTER ?? 'main';
  return ['pg_ctlcluster', ['--skip-systemctl-redirect', versions[0] ?? '15', cluster, 'restart']];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!serverUrl)(
  'publisher fault injection (PostgreSQL; skipped without TEST_DATABASE_URL)',
  () => {
    it('kill -9 of publishers mid-run: every target published exactly once or unknown', {
      timeout: 120_000,
    }, async () => {
      const { db, targetIds } = await setup(5000, 6000);
      const spec: FixtureSpec = { mode: 'record', options: fastLeases };
      children = [0, 1, 2].map(() => startPublisher(fault?.url as string, spec));
      let kills = 0;
      const runUntil = Date.now() + 8500;
      while (Date.now() < runUntil) {
        await sleep(900 + Math.floor(Math.random() * 400));
        const victim = kills % children.length;
        await killHard(children[victim] as ChildProcess);
        children[victim] = startPublisher(fault?.url as string, spec);
        kills++;
      }
      await settled(db, 60_000);
      await Promise.all(children.map((c) => stopGracefully(c)));
      const { rows, byStatus, attempts } = await outcome(db);
      console.log(`kill -9 x${kills}:`, byStatus, attempts);
      expect(rows).toHaveLength(targetIds.length);
      expect(rows.filter((r) => r.posts > 1)).toEqual([]);
      expect(rows.filter((r) => r.status === 'published' && r.posts !== 1)).toEqual([]);
      expect(rows.filter((r) => r.status !== 'published' && r.status !== 'unknown')).toEqual([]);
      expect(kills).toBeGreaterThanOrEqual(6);
    });

    it('a PostgreSQL restart mid-run loses nothing', { timeout: 120_000 }, async () => {
      const { db, targetIds } = await setup(2000, 5000);
      const spec: FixtureSpec = { mode: 'record', options: fastLeases };
      children = [0, 1, 2].map(() => startPublisher(fault?.url as string, spec));
      await sleep(3000);
      const [command, args] = restartCommand();
      execFileSync(command, args, { stdio: 'inherit' });
      await settled(db, 90_000);
      await Promise.all(children.map((c) => stopGracefully(c)));
      const { rows, byStatus, attempts } = await outcome(db);
      console.log('after a PostgreSQL restart:', byStatus, attempts);
      expect(rows).toHaveLength(targetIds.length);
      expect(rows.filter((r) => r.posts > 1)).toEqual([]);
      expect(rows.filter((r) => r.status === 'published' && r.posts !== 1)).toEqual([]);
      expect(rows.filter((r) => r.status !== 'published' && r.status !== 'unknown')).toEqual([]);
    });

    it('a network failing 30% of calls (5xx, 429, timeouts): every target published or failed with a reason', {
      timeout: 120_000,
    }, async () => {
      const { db, targetIds } = await setup(3000, 3000);
      children = [1, 2, 3].map((seed) =>
        startPublisher(fault?.url as string, {
          mode: 'flaky',
          seed,
          options: { ...fastLeases, sendTimeoutMs: 1500 },
        }),
      );
      await settled(db, 90_000);
      await Promise.all(children.map((c) => stopGracefully(c)));
      const { rows, byStatus, attempts } = await outcome(db);
      console.log('30% failing network:', byStatus, attempts);
      expect(rows).toHaveLength(targetIds.length);
      expect(rows.filter((r) => r.posts > 1)).toEqual([]);
      expect(rows.filter((r) => r.status === 'published' && r.posts !== 1)).toEqual([]);
      const failed = rows.filter((r) => r.status === 'failed');
      // Each failed target says why: out of attempts on a failing network, with the last reason.
      expect(
        failed.filter(
          (r) =>
            !/^(Gave up after 5 attempts: |Not found on the network after 5 attempts)/.test(
              r.last_error ?? '',
            ),
        ),
      ).toEqual([]);
      expect(rows.filter((r) => r.status !== 'published' && r.status !== 'failed')).toEqual([]);
    });
  },
);
