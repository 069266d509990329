// Idempotency keys sent by API clients on creating POSTs. The row is the lock: the unique
// (caller_scope, key) index lets exactly one of several concurrent requests claim a key.
import { instant } from './columns';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const idempotencyStateEnum = pgEnum('idempotency_state', ['in_progress', 'completed']);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** "token:<id>" or "user:<id>": one caller's keys never collide with another's. */
    callerScope: text('caller_scope').notNull(),
    key: text('key').notNull(),
    /** sha256 of method, path and canonical body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    state: idempotencyStateEnum('state').notNull().default('in_progress'),
    responseStatus: integer('response_status'),
    /** The serialised response body exactly as first sent. */
    responseBody: text('response_body'),
    /** The response headers a client reads on creation (content-type, location, etag). */
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: instant('created_at').notNull().defaultNow(),
    completedAt: instant('completed_at'),
  },
  (t) => [
    uniqueIndex('idempotency_keys_scope_key_unique').on(t.callerScope, t.key),
    // Expired keys are swept by age.
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
