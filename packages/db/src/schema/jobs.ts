// The job runner's queue (packages/jobs): background work that is not a post target, such as inbox
// syncs, metrics pulls, notification emails and outgoing webhooks. One row per job; a worker claims
// due rows with FOR UPDATE SKIP LOCKED and holds them under a lease renewed by its heartbeat.
import { JOB_STATUSES } from '@cadence/names';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';

export const jobStatusEnum = pgEnum('job_status', JOB_STATUSES);

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The registered kind that runs it, e.g. "inbox.sync". */
    kind: text('kind').notNull(),
    /** Optional: at most one job per kind and key (enqueueing again is a no-op). */
    key: text('key'),
    payload: jsonb('payload').$type<unknown>().notNull().default({}),
    status: jobStatusEnum('status').notNull().default('queued'),
    runAt: instant('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: instant('lease_expires_at'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_kind_key_unique').on(t.kind, t.key),
    index('jobs_due_idx').on(t.runAt).where(sql`status = 'queued'`),
    index('jobs_running_idx').on(t.leaseOwner).where(sql`status = 'running'`),
    index('jobs_finished_idx').on(t.finishedAt).where(sql`status in ('done', 'failed')`),
  ],
);
