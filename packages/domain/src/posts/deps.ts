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

/** A transaction on the database, or a savepoint inside the caller's transaction. */
export function inTransaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Db and Tx share drizzle's transaction(); on a Tx it opens a savepoint.
  return (db as Db).transaction(fn);
}
