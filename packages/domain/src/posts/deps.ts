import type { Db, Executor, Tx } from '@cadence/db';

/**
 * What post use cases need from outside. `db` may be the database or a caller's open transaction
 * (bulk create, CSV import): the use case then runs in a savepoint of it, so one failing item
 * rolls back alone and the caller decides what to commit.
 */
export interface PostDeps {
  db: Executor;
  clock: () => Date;
}

/** What a bulk use case needs: each item runs as its own use case on `db`. */
export interface BulkDeps extends PostDeps {
  /**
   * How many items run at once (4 by default). 1 when `db` is one open transaction (an
   * idempotent request's): a client runs one query at a time, and drizzle names concurrent
   * savepoints alike, so one item's rollback would undo a neighbour's work.
   */
  itemsAtOnce?: number | undefined;
  onUnexpected?: (index: number, err: unknown) => void;
}

/** A transaction on the database, or a savepoint inside the caller's transaction. */
export function inTransaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Db and Tx share drizzle's transaction(); on a Tx it opens a savepoint.
  return (db as Db).transaction(fn);
}
