// The job runner on a real database (PGlite by default, PostgreSQL with TEST_DATABASE_URL): a kind
// registered once runs its jobs once, failures retry with backoff and then fail with the reason,
// gone workers' jobs come back at once, and two runners never run the same job.
import { type Database, jobs, publisherHeartbeats } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { eq, inArray } from 'drizzle-orm';
import cron from 'node-cron';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createJobRunner, type JobRunner, PermanentJobError, RetryLaterJobError } from '../src/index';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
});
afterAll(async () => database?.close());

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const runners: JobRunner[] = [];
const runner = (workerId: string) => {
  const r = createJobRunner({
    db: database.db,
    workerId,
    logger: quiet,
    random: () => 0.5,
    options: { backoff: { baseMs: 20, maxMs: 40 } },
  });
  runners.push(r);
  return r;
};
const jobsOf = (ids: (string | null)[]) =>
  database.db
    .select()
    .from(jobs)
    .where(
      inArray(
        jobs.id,
        ids.filter((i): i is string => i !== null),
      ),
    );

async function until(done: () => Promise<boolean>, pass: () => Promise<void>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    await pass();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}

describe('job runner', () => {
  it('runs a registered kind once per job; enqueueing the same key again is a no-op', async () => {
    const r = runner('w-once');
    const seen: unknown[] = [];
    r.register<{ n: number }>('test.once', {
      run: async (payload) => {
        seen.push(payload.n);
      },
    });
    const first = await r.enqueue('test.once', { n: 1 }, { key: 'k1' });
    const again = await r.enqueue('test.once', { n: 2 }, { key: 'k1' });
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    await until(
      async () => (await jobsOf([first]))[0]?.status === 'done',
      () => r.runOnce(),
    );
    await r.runOnce();
    expect(seen).toEqual([1]);
    const [row] = await jobsOf([first]);
    expect(row).toMatchObject({ status: 'done', attempts: 1, leaseOwner: null });
    await r.stop();
  });

  it('retries a failing job with backoff, then fails it with the last reason', async () => {
    const r = runner('w-retry');
    const attempts: number[] = [];
    r.register('test.flaky', {
      run: async (_p, ctx) => {
        attempts.push(ctx.attempt);
        throw new Error('the mail server said 451');
      },
    });
    const id = await r.enqueue('test.flaky', {}, { maxAttempts: 3 });
    await until(
      async () => (await jobsOf([id]))[0]?.status === 'failed',
      () => r.runOnce(),
    );
    expect(attempts).toEqual([1, 2, 3]);
    const [row] = await jobsOf([id]);
    expect(row?.lastError).toBe('Gave up after 3 attempts: the mail server said 451');
    await r.stop();
  });

  it('fails a job at once on a permanent error', async () => {
    const r = runner('w-permanent');
    r.register('test.permanent', {
      run: async () => {
        throw new PermanentJobError('the address does not exist');
      },
    });
    const id = await r.enqueue('test.permanent', {});
    await until(
      async () => (await jobsOf([id]))[0]?.status === 'failed',
      () => r.runOnce(),
    );
    const [row] = await jobsOf([id]);
    expect(row).toMatchObject({ attempts: 1, lastError: 'the address does not exist' });
    await r.stop();
  });

  it('runs a job again when the other side asked (Retry-After), not after the backoff', async () => {
    const r = runner('w-later');
    r.register('test.later', {
      run: async () => {
        throw new RetryLaterJobError('asked to slow down (HTTP 429)', 120_000);
      },
    });
    const before = Date.now();
    const id = await r.enqueue('test.later', {});
    await until(
      async () => (await jobsOf([id]))[0]?.attempts === 1,
      () => r.runOnce(),
    );
    const [row] = await jobsOf([id]);
    expect(row).toMatchObject({ status: 'queued', lastError: 'asked to slow down (HTTP 429)' });
    // The backoff here is 20-40 ms; the job waits the two minutes it was told.
    expect(row?.runAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    await r.stop();
  });

  it("hands back a gone worker's job at once, long before its lease ends", async () => {
    const now = Date.now();
    await database.db.insert(publisherHeartbeats).values({
      workerId: 'w-dead',
      hostname: 'h',
      pid: 1,
      startedAt: new Date(now - 60_000),
      beatAt: new Date(now - 10_000),
    });
    const [job] = await database.db
      .insert(jobs)
      .values({
        kind: 'test.orphan',
        status: 'running',
        attempts: 1,
        leaseOwner: 'w-dead',
        leaseExpiresAt: new Date(now + 3600_000),
      })
      .returning({ id: jobs.id });
    const r = runner('w-alive');
    const ran: string[] = [];
    r.register('test.orphan', {
      run: async (_p, ctx) => {
        ran.push(ctx.jobId);
      },
    });
    await until(
      async () => (await jobsOf([job?.id ?? null]))[0]?.status === 'done',
      () => r.runOnce(),
    );
    expect(ran).toEqual([job?.id]);
    const [row] = await jobsOf([job?.id ?? null]);
    expect(row?.attempts).toBe(2);
    await r.stop();
  });

  it('keeps the jobs of a live worker, and renews their leases with its heartbeat', async () => {
    const r = runner('w-live');
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    r.register('test.slow', { run: () => blocked });
    const id = await r.enqueue('test.slow', {});
    await until(
      async () => (await jobsOf([id]))[0]?.status === 'running',
      () => r.runOnce(),
    );
    const before = (await jobsOf([id]))[0]?.leaseExpiresAt?.getTime() ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Another runner looking for gone workers must leave this one's job alone.
    const other = runner('w-other');
    await other.runOnce();
    await r.runOnce();
    const [row] = await jobsOf([id]);
    expect(row).toMatchObject({ status: 'running', leaseOwner: 'w-live' });
    expect(row?.leaseExpiresAt?.getTime()).toBeGreaterThan(before);
    release();
    await until(
      async () => (await jobsOf([id]))[0]?.status === 'done',
      () => r.runOnce(),
    );
    await r.stop();
    await other.stop();
  });

  it('judges no one gone right after its own heartbeats came back from an outage', async () => {
    let now = Date.now();
    const r = createJobRunner({
      db: database.db,
      workerId: 'w-outage',
      logger: quiet,
      clock: () => new Date(now),
    });
    await r.runOnce();
    expect(r.goneWorkers()).not.toBeNull();
    // Ten seconds without a beat (the database was away): every other worker's beat is as old.
    now += 10_000;
    expect(r.goneWorkers()).toBeNull();
    await r.runOnce();
    expect(r.goneWorkers()).toBeNull();
    // Beating every second again: after deadAfterMs of that, it judges again.
    for (let waited = 0; waited <= r.options.deadAfterMs; waited += 1000) {
      now += 1000;
      await r.runOnce();
    }
    expect(r.goneWorkers()).not.toBeNull();
    await r.stop();
  });

  it('two runners never run the same job (SKIP LOCKED + lease)', async () => {
    const runs = new Map<number, number>();
    const define = (r: JobRunner) =>
      r.register<{ n: number }>('test.shared', {
        concurrency: 5,
        run: async ({ n }) => {
          runs.set(n, (runs.get(n) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
      });
    const a = runner('w-a');
    const b = runner('w-b');
    define(a);
    define(b);
    const ids: (string | null)[] = [];
    for (let n = 0; n < 60; n++) ids.push(await a.enqueue('test.shared', { n }));
    a.start();
    b.start();
    await until(
      async () => (await jobsOf(ids)).every((j) => j.status === 'done'),
      async () => {},
      20_000,
    );
    await Promise.all([a.stop(), b.stop()]);
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const owners = await database.db
      .select({ workerId: publisherHeartbeats.workerId, stoppedAt: publisherHeartbeats.stoppedAt })
      .from(publisherHeartbeats)
      .where(eq(publisherHeartbeats.workerId, 'w-a'));
    expect(owners[0]?.stoppedAt).toBeInstanceOf(Date);
  });
});

describe('periodic tasks', () => {
  it('are driven by node-cron when their period fits the clock, and stop with the runner', async () => {
    const r = runner('w-cron');
    let runs = 0;
    r.every('probe', 1_000, async () => {
      runs++;
    });
    r.start();
    const names = () => [...cron.getTasks().values()].map((t) => t.name);
    expect(names()).toEqual(expect.arrayContaining(['w-cron:probe', 'w-cron:heartbeat']));
    await until(
      async () => runs >= 2,
      async () => {},
    );
    await r.stop(1_000);
    expect(names().filter((n) => n?.startsWith('w-cron:'))).toEqual([]);
  });
});
