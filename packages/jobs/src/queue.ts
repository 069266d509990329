// The job queue's named transitions, each one statement guarded by status and lease owner, like the
// target ledger: enqueue, claim (SKIP LOCKED + lease), renew leases, complete, fail (retry with
// backoff or give up), hand back the jobs of gone workers, sweep finished jobs.
import { type Executor, jobs } from '@cadence/db';
import { and, asc, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one job per kind and key: enqueueing the same key again is a no-op. */
  key?: string;
  maxAttempts?: number;
}

export async function enqueueJob(
  db: Executor,
  kind: string,
  payload: unknown,
  options: EnqueueOptions & { now: Date },
): Promise<string | null> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind,
      payload: payload ?? {},
      key: options.key ?? null,
      runAt: options.runAt ?? options.now,
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      createdAt: options.now,
      updatedAt: options.now,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/** Many jobs in one statement (each with its own key and time); those whose key exists are skipped. */
export async function enqueueJobs(
  db: Executor,
  kind: string,
  items: readonly { payload: unknown; key: string; runAt: Date; maxAttempts?: number }[],
  now: Date,
): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await db
    .insert(jobs)
    .values(
      items.map((item) => ({
        kind,
        payload: item.payload ?? {},
        key: item.key,
        runAt: item.runAt,
        ...(item.maxAttempts ? { maxAttempts: item.maxAttempts } : {}),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows.length;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export async function claimJobs(
  db: Executor,
  input: { kind: string; workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<ClaimedJob[]> {
  if (input.limit <= 0) return [];
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'queued'), eq(jobs.kind, input.kind), lte(jobs.runAt, input.now)))
    .orderBy(asc(jobs.runAt))
    .limit(input.limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      leaseOwner: input.workerId,
      leaseExpiresAt: new Date(input.now.getTime() + input.leaseMs),
      updatedAt: input.now,
    })
    .where(and(inArray(jobs.id, due), eq(jobs.status, 'queued')))
    .returning({
      id: jobs.id,
      kind: jobs.kind,
      payload: jobs.payload,
      attempts: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
    });
}

const heldBy = (id: string, workerId: string) =>
  and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.leaseOwner, workerId));

/** A live worker keeps the jobs it runs: called on every heartbeat. */
export async function renewLeases(db: Executor, workerId: string, until: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ leaseExpiresAt: until })
    .where(and(eq(jobs.status, 'running'), eq(jobs.leaseOwner, workerId)));
}

/** Returns false when the job was no longer ours (handed back after our heartbeats stopped). */
export async function completeJob(db: Executor, id: string, workerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', leaseOwner: null, leaseExpiresAt: null, finishedAt: now, updatedAt: now })
    .where(heldBy(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** `retryAt` null: out of attempts (or a permanent failure), the job is failed with its reason. */
export async function failJob(
  db: Executor,
  input: { id: string; workerId: string; now: Date; error: string; retryAt: Date | null },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set(
      input.retryAt
        ? {
            status: 'queued',
            runAt: input.retryAt,
            lastError: input.error,
            leaseOwner: null,
            leaseExpiresAt: null,
            updatedAt: input.now,
          }
        : {
            status: 'failed',
            lastError: input.error,
            leaseOwner: null,
            leaseExpiresAt: null,
            finishedAt: input.now,
            updatedAt: input.now,
          },
    )
    .where(heldBy(input.id, input.workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Jobs whose worker is gone (lease expired, or the worker is in `gone`) go back to the queue at
 * once. The attempt they were on counts: a job that kills its worker every time ends up failed.
 */
export async function handBackJobs(db: Executor, input: { now: Date; gone: SQL }): Promise<number> {
  const lost = or(lt(jobs.leaseExpiresAt, input.now), sql`${jobs.leaseOwner} IN ${input.gone}`);
  const rows = await db
    .update(jobs)
    .set({
      status: sql`CASE WHEN ${jobs.attempts} >= ${jobs.maxAttempts} THEN 'failed' ELSE 'queued' END::job_status`,
      lastError: 'The worker running this job stopped before finishing it',
      finishedAt: sql`CASE WHEN ${jobs.attempts} >= ${jobs.maxAttempts} THEN ${input.now.toISOString()}::timestamptz END`,
      runAt: input.now,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: input.now,
    })
    .where(and(eq(jobs.status, 'running'), lost))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Finished jobs are kept a while for inspection, then removed. */
export async function sweepFinishedJobs(db: Executor, before: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ['done', 'failed']), lt(jobs.finishedAt, before)))
    .returning({ id: jobs.id });
  return rows.length;
}
