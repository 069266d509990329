// Statement helpers shared by the ledger's transitions.
import { type SQL, sql } from 'drizzle-orm';

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * A list of ids as ONE parameter (`id = ANY(...)`): building and binding hundreds of separate
 * parameters per statement cost more CPU than the statement itself. The planner still sees the
 * array's values (each statement is planned with its parameters), so it keeps to the primary key.
 * Ids come from the database (uuids), so they need no quoting inside the array literal.
 */
export function uuidList(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
