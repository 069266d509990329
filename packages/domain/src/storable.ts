// What the database's columns can hold, checked where a request's values come in, so an
// out-of-range number or date is a 400 naming its field rather than a query PostgreSQL refuses
// (22003 numeric out of range, 22008 datetime out of range). Safe for the browser.
import { z } from 'zod';

/** The largest value of a PostgreSQL `integer` (versions, revisions, counters). */
export const INT4_MAX = 2_147_483_647;

/** A version or revision number a client sends back: 1 and up, within an integer column. */
export const versionNumberSchema = z.number().int().min(1).max(INT4_MAX);

// Instants Cadence accepts from a request: from 1900 (nothing older is meaningful) to the last
// moment of year 9999, the last one an ISO date (and toISOString) writes with four digits.
const EARLIEST_MS = Date.UTC(1900, 0, 1);
const AFTER_LATEST_MS = Date.UTC(10_000, 0, 1);
export const STORABLE_RANGE_MESSAGE = 'must be between the years 1900 and 9999';

export function isStorableInstant(at: Date): boolean {
  const ms = at.getTime();
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms < AFTER_LATEST_MS;
}
