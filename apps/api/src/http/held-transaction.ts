// A transaction that a request holds open across its hooks, and an "ambient" database handle that
// sends every query made while a handler runs inside such a transaction to it.
// Used by idempotent requests (plugins/idempotency.ts): the key's claim, the effect and the
// recorded response commit together, or not at all. Use cases need no change: their
// `db.transaction(...)` becomes a savepoint of the held transaction. Work a handler starts that
// outlives the request (a promise not awaited, a timer) inherits the async context: once the
// transaction has ended, the handle sends its queries to the database again, never to a finished
// transaction whose connection is back in the pool, perhaps inside another request's transaction.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Tx } from '@cadence/db';
import type { AppContext } from '../context';

const ambient = new AsyncLocalStorage<HeldTransaction>();

/** The held transaction of the running code, while it is open. */
const openHeld = () => {
  const held = ambient.getStore();
  return held?.open ? held : undefined;
};

/** `db`, except inside `runInTransaction(held, …)` while `held` is open: there it goes to its `tx`. */
function ambientDb(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      const source = (openHeld()?.tx ?? target) as Db;
      const value = Reflect.get(source, property, source);
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });
}

const wrapped = new WeakSet<object>();

/**
 * Makes the context's database handle follow held transactions. In place, so whoever shares the
 * context (the in-process publisher, tests that move the clock) keeps seeing one object; outside
 * a held transaction the handle behaves exactly as before.
 */
export function followHeldTransactions(ctx: AppContext): void {
  if (wrapped.has(ctx.database.db)) return;
  const db = ambientDb(ctx.database.db);
  wrapped.add(db);
  ctx.database.db = db;
}

/**
 * How many items of a bulk request may run at once: one inside a held transaction (one client,
 * one query at a time, savepoints that must not interleave), else the use case's default.
 */
export function bulkItemsAtOnce(): 1 | undefined {
  return openHeld() ? 1 : undefined;
}

export function runInTransaction<T>(held: HeldTransaction, fn: () => T): T {
  return ambient.run(held, fn);
}

export interface HeldTransaction {
  tx: Tx;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  readonly open: boolean;
}

class Rollback extends Error {}

/** Opens a transaction on `db` and keeps it open until commit() or rollback(). */
export async function holdTransaction(db: Db): Promise<HeldTransaction> {
  let decide!: (commit: boolean) => void;
  const decision = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  let opened!: (tx: Tx) => void;
  const ready = new Promise<Tx>((resolve) => {
    opened = resolve;
  });
  const finished = db.transaction(async (tx) => {
    opened(tx);
    if (!(await decision)) throw new Rollback();
  });
  // If BEGIN itself fails, `ready` never resolves: the race surfaces the error instead.
  const tx = await Promise.race([ready, finished.then(() => Promise.reject(new Error('transaction ended')))]);
  let open = true;
  return {
    tx,
    get open() {
      return open;
    },
    async commit() {
      open = false;
      decide(true);
      await finished;
    },
    async rollback() {
      if (!open) return;
      open = false;
      decide(false);
      await finished.catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    },
  };
}
