// Keyset pagination, newest first, on (created_at, id). Instants are stored to the millisecond
// (packages/db/src/schema/columns.ts), exactly what a cursor's date holds, so the comparison is
// exact and the (workspace_id, created_at, id) indexes serve both the filter and the order.
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export interface PageAfter {
  createdAt: Date;
  id: string;
}

/** The WHERE condition for "after this cursor" (undefined on the first page) and the ORDER BY. */
export function newestFirst(createdAt: PgColumn, id: PgColumn, after: PageAfter | undefined) {
  const where: SQL | undefined = after
    ? sql`(${createdAt}, ${id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return { where, orderBy: [sql`${createdAt} DESC`, sql`${id} DESC`] };
}
