// Keyset pagination, newest first, on (created_at, id). Cursors carry JavaScript dates, which keep
// milliseconds while PostgreSQL keeps microseconds: comparing the raw column with a cursor's date
// skips rows created later in the same millisecond. So both the order and the comparison use the
// timestamp truncated to milliseconds, exactly what the cursor holds.
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export interface PageAfter {
  createdAt: Date;
  id: string;
}

const toMillis = (column: PgColumn) => sql`date_trunc('milliseconds', ${column})`;

/** The WHERE condition for "after this cursor" (undefined on the first page) and the ORDER BY. */
export function newestFirst(createdAt: PgColumn, id: PgColumn, after: PageAfter | undefined) {
  const where: SQL | undefined = after
    ? sql`(${toMillis(createdAt)}, ${id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return { where, orderBy: [sql`${toMillis(createdAt)} DESC`, sql`${id} DESC`] };
}
