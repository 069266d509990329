// One runner per process for all background work. It owns the process's heartbeat, notices gone
// workers and hands back what they held, runs periodic tasks (never two of the same at once), and
// runs queued jobs by kind: claim with SKIP LOCKED + a lease renewed by the heartbeat, retry with
// backoff, give up after max attempts. New work registers a kind (`register`) or a periodic task
// (`every`); it never starts a loop of its own.
//
// PGlite is one connection: nothing here holds a transaction open while a handler runs (claim,
// complete and fail are single statements), so an in-process runner cannot deadlock itself.
import type { Db } from '@cadence/db';
import type { SQL } from 'drizzle-orm';
import cron, { type ScheduledTask } from 'node-cron';
import { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
import {
  type ClaimedJob,
  claimJobs,
  completeJob,
  type EnqueueOptions,
  enqueueJob,
  failJob,
  handBackJobs,
  renewLeases,
  sweepFinishedJobs,
} from './queue';
import { cronExpression } from './cron-expression';
import { beat, goneWorkers, type WorkerState } from './workers';

type LogFn = (obj: object | string, msg?: string) => void;
export interface RunnerLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface RunnerOptions {
  heartbeatEveryMs: number;
  /** A worker silent this long is gone; its leases end at once. Several beats, so one slow beat is not death. */
  deadAfterMs: number;
  /** How often gone workers are looked for. */
  reapEveryMs: number;
  pollEveryMs: number;
  jobLeaseMs: number;
  keepFinishedMs: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  heartbeatEveryMs: 1_000,
  deadAfterMs: 3_500,
  reapEveryMs: 1_000,
  pollEveryMs: 1_000,
  jobLeaseMs: 30_000,
  keepFinishedMs: 7 * 24 * 3600_000,
  backoff: DEFAULT_BACKOFF,
};

export interface JobContext {
  jobId: string;
  attempt: number;
  /** Aborted when the runner stops and the grace period is over. */
  signal: AbortSignal;
}

export interface JobKind<P> {
  run(payload: P, ctx: JobContext): Promise<void>;
  /** Jobs of this kind running at once in this process. */
  concurrency?: number;
  backoff?: BackoffPolicy;
}

/** An error a job throws to say "do not try again". */
export class PermanentJobError extends Error {}

/**
 * An error a job throws when the other side said when to come back (HTTP 429 with Retry-After):
 * the next attempt runs then rather than after the runner's backoff. It still counts as an attempt,
 * so a side that never stops refusing cannot keep a job alive for ever.
 */
export class RetryLaterJobError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

export interface JobRunnerInput {
  db: Db;
  workerId: string;
  logger: RunnerLogger;
  clock?: () => Date;
  random?: () => number;
  options?: Partial<RunnerOptions>;
  /** What the heartbeat reports (in flight, published). */
  report?: () => { inFlight: number; published: number };
}

export interface JobRunner {
  workerId: string;
  options: RunnerOptions;
  register<P>(kind: string, definition: JobKind<P>): void;
  /**
   * The workers that are gone, as a subquery for lease guards (`lease_owner IN ...`), or null while
   * this process cannot judge: its own heartbeats are failing, or came back less than `deadAfterMs`
   * ago (after a database outage every worker's beat is old; none of them is dead for that).
   */
  goneWorkers(): SQL | null;
  /**
   * Whether this process's heartbeat is in the database. Until it is, nobody can see this process
   * die: whatever it leased would wait out its lease instead of coming back within seconds.
   */
  beating(): boolean;
  /** A periodic task of this process: runs now, then every `everyMs`; a run still going is not doubled. */
  every(name: string, everyMs: number, run: () => Promise<unknown>): void;
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<string | null>;
  start(): void;
  /** Runs every periodic task and job poll once, now (tests and the first tick). */
  runOnce(): Promise<void>;
  /** Stops the tasks, waits for running jobs (at most `graceMs`), records the stop. */
  stop(graceMs?: number): Promise<void>;
}

export function createJobRunner(input: JobRunnerInput): JobRunner {
  const clock = input.clock ?? (() => new Date());
  const random = input.random ?? Math.random;
  const options = { ...DEFAULT_RUNNER_OPTIONS, ...input.options };
  const { db, workerId, logger } = input;
  const startedAt = clock();
  const kinds = new Map<string, { def: JobKind<unknown>; running: number }>();
  const tasks: {
    name: string;
    everyMs: number;
    run: () => Promise<unknown>;
    active: Promise<void> | null;
  }[] = [];
  const timers: NodeJS.Timeout[] = [];
  const cronTasks: ScheduledTask[] = [];
  const runningJobs = new Set<Promise<void>>();
  const abort = new AbortController();
  let started = false;
  let stopping = false;

  const runTask = (task: (typeof tasks)[number]) => {
    if (stopping && task.name !== 'heartbeat') return Promise.resolve();
    task.active ??= task
      .run()
      .then(() => undefined)
      .catch((err: unknown) => logger.error({ err, task: task.name }, `${task.name} failed; will try again`))
      .finally(() => {
        task.active = null;
      });
    return task.active;
  };

  const every: JobRunner['every'] = (name, everyMs, run) => {
    const task = { name, everyMs, run, active: null };
    tasks.push(task);
    if (started) schedule(task);
  };

  const schedule = (task: (typeof tasks)[number]) => {
    void runTask(task);
    const expression = cronExpression(task.everyMs);
    if (expression === null) {
      timers.push(setInterval(() => void runTask(task), Math.max(task.everyMs, 1)));
      return;
    }
    // runTask already refuses to double a run still going; node-cron's own overlap and
    // missed-execution bookkeeping would only log what a busy tick is expected to do.
    cronTasks.push(
      cron.schedule(expression, () => void runTask(task), {
        name: `${workerId}:${task.name}`,
        suppressMissedWarning: true,
      }),
    );
  };

  const report = () => input.report?.() ?? { inFlight: runningJobs.size, published: 0 };
  // A process judges others only while its own beats go through, and not until `deadAfterMs` after
  // they resumed from a gap: the others' beats failed in the same outage.
  let lastBeatOk: number | null = null;
  let judgeFrom = Number.NEGATIVE_INFINITY;
  const beatGapMs = () => 2 * options.heartbeatEveryMs + 1_000;
  const heartbeat = async (state: Partial<WorkerState> = {}) => {
    const now = clock();
    await beat(db, workerId, now, { startedAt, ...report(), ...state });
    await renewLeases(db, workerId, new Date(now.getTime() + options.jobLeaseMs));
    const at = clock().getTime();
    if (lastBeatOk !== null && at - lastBeatOk > beatGapMs()) judgeFrom = at + options.deadAfterMs;
    lastBeatOk = at;
  };
  const goneNow = (): SQL | null => {
    const now = clock();
    const at = now.getTime();
    if (lastBeatOk === null || at - lastBeatOk > beatGapMs() || at < judgeFrom) return null;
    return goneWorkers(db, { now, deadAfterMs: options.deadAfterMs, self: workerId });
  };

  const reap = async () => {
    const now = clock();
    const gone = goneNow();
    if (!gone) return;
    const jobsBack = await handBackJobs(db, { now, gone });
    if (jobsBack > 0) logger.warn({ jobs: jobsBack }, 'took back jobs whose worker is gone');
  };

  const runJob = async (kind: string, entry: { def: JobKind<unknown>; running: number }, job: ClaimedJob) => {
    entry.running++;
    try {
      await entry.def.run(job.payload, { jobId: job.id, attempt: job.attempts, signal: abort.signal });
      await completeJob(db, job.id, workerId, clock());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      const now = clock();
      const waitMs =
        error instanceof RetryLaterJobError
          ? Math.max(0, error.retryAfterMs)
          : backoffDelayMs(job.attempts, { random, policy: entry.def.backoff ?? options.backoff });
      const retryAt = giveUp ? null : new Date(now.getTime() + waitMs);
      const reason =
        giveUp && !(error instanceof PermanentJobError)
          ? `Gave up after ${job.attempts} attempts: ${message}`
          : message;
      logger.warn({ kind, jobId: job.id, attempt: job.attempts, err: error }, 'job failed');
      await failJob(db, { id: job.id, workerId, now, error: reason, retryAt });
    } finally {
      entry.running--;
    }
  };

  const poll = async () => {
    for (const [kind, entry] of kinds) {
      if (stopping) return;
      const room = (entry.def.concurrency ?? 1) - entry.running;
      const claimed = await claimJobs(db, {
        kind,
        workerId,
        now: clock(),
        leaseMs: options.jobLeaseMs,
        limit: room,
      });
      for (const job of claimed) {
        const run = runJob(kind, entry, job)
          .catch((err: unknown) => logger.error({ err, kind }, 'recording a job outcome failed'))
          .finally(() => {
            runningJobs.delete(run);
            // A finished job makes room: look for the next one without waiting for the poll.
            if (!stopping) void runTask(pollTask);
          });
        runningJobs.add(run);
      }
    }
  };

  const pollTask = {
    name: 'jobs',
    everyMs: options.pollEveryMs,
    run: poll,
    active: null as Promise<void> | null,
  };
  tasks.push(
    { name: 'heartbeat', everyMs: options.heartbeatEveryMs, run: () => heartbeat(), active: null },
    { name: 'reap', everyMs: options.reapEveryMs, run: reap, active: null },
    pollTask,
    {
      name: 'sweep-jobs',
      everyMs: 3600_000,
      run: () => sweepFinishedJobs(db, new Date(clock().getTime() - options.keepFinishedMs)),
      active: null,
    },
  );

  return {
    workerId,
    options,
    goneWorkers: () => goneNow(),
    beating: () => lastBeatOk !== null,
    register(kind, definition) {
      kinds.set(kind, { def: definition as JobKind<unknown>, running: 0 });
    },
    every,
    enqueue: (kind, payload, opts = {}) => enqueueJob(db, kind, payload, { ...opts, now: clock() }),
    start() {
      if (started) return;
      started = true;
      for (const task of tasks) schedule(task);
    },
    async runOnce() {
      for (const task of tasks) await runTask(task);
    },
    async stop(graceMs = 10_000) {
      if (stopping) return;
      stopping = true;
      for (const t of timers) clearInterval(t);
      await Promise.all(cronTasks.map((t) => t.destroy()));
      const deadline = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.allSettled([...tasks.map((t) => t.active), ...runningJobs]), deadline]);
      // Jobs still running past the grace are told to give up; their leases end with our last beat.
      abort.abort();
      await heartbeat({ stopped: true }).catch((err: unknown) =>
        logger.error({ err }, 'the last heartbeat failed'),
      );
    },
  };
}
