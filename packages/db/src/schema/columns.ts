import { timestamp } from 'drizzle-orm/pg-core';

/**
 * Every instant Cadence stores. Millisecond precision, because JavaScript dates carry milliseconds:
 * with PostgreSQL's default microseconds, a value read back and compared (pagination cursors,
 * optimistic checks) would not equal what is stored.
 */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
