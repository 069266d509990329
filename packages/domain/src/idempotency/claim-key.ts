// Claiming an Idempotency-Key inside the request's held transaction (the API's idempotency plugin
// holds it from preHandler to onSend): the claim becomes visible only together with the request's
// effect. A concurrent request with the same key waits on the row's unique index until the first
// commits (then finds its answer) or rolls back (then claims it); on PostgreSQL that wait is
// bounded by `lockWaitMs`, after which the key is "busy".
import { idempotencyKeys, type Tx } from '@cadence/db';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { idempotencyCutoff } from './retention';

export interface IdempotencyDeps {
  /** The transaction the request holds: the claim commits or rolls back with its effect. */
  tx: Tx;
  clock: () => Date;
  /** PostgreSQL: how long to wait for a live request holding the same key (PGlite runs one at a time). */
  lockWaitMs: number | null;
}

/** Whose key it is: an API token's or a signed-in person's. */
export interface IdempotencyCaller {
  scope: string;
}

export type IdempotencyClaim =
  | { kind: 'claimed'; id: string }
  | { kind: 'found'; row: typeof idempotencyKeys.$inferSelect }
  | { kind: 'busy' };

/** Claims the key; on a conflict, reads the committed row instead. */
export async function claimIdempotencyKey(
  deps: IdempotencyDeps,
  caller: IdempotencyCaller,
  input: { key: string; requestHash: string },
): Promise<IdempotencyClaim> {
  const { tx } = deps;
  const { scope } = caller;
  const { key, requestHash } = input;
  const now = deps.clock();
  if (deps.lockWaitMs !== null) {
    // Another live request holding this key makes the insert below wait; not forever.
    await tx.execute(sql.raw(`SET LOCAL lock_timeout = '${Math.trunc(deps.lockWaitMs)}ms'`));
  }
  // Expired keys make way. So do rows left "in_progress" by versions that committed the claim
  // apart from the effect: nothing can still be running them.
  await tx
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.callerScope, scope),
        eq(idempotencyKeys.key, key),
        or(lt(idempotencyKeys.createdAt, idempotencyCutoff(now)), eq(idempotencyKeys.state, 'in_progress')),
      ),
    );
  try {
    const [row] = await tx
      .insert(idempotencyKeys)
      .values({ callerScope: scope, key, requestHash, createdAt: now })
      .onConflictDoNothing({ target: [idempotencyKeys.callerScope, idempotencyKeys.key] })
      .returning({ id: idempotencyKeys.id });
    if (row) return { kind: 'claimed', id: row.id };
  } catch (e) {
    if (isLockTimeout(e)) return { kind: 'busy' };
    throw e;
  }
  const [found] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.callerScope, scope), eq(idempotencyKeys.key, key)));
  return found ? { kind: 'found', row: found } : { kind: 'busy' };
}

/** PostgreSQL's lock_not_available (55P03), raised when lock_timeout runs out. */
function isLockTimeout(e: unknown): boolean {
  for (let c: unknown = e; c instanceof Error; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: unknown }).code === '55P03') return true;
  }
  return false;
}
