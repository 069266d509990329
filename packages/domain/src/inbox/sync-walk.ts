// Where a channel's inbox sync stands, and one step of its walk (pure). Networks list newest
// first, so a sync walks pages from the newest down to the newest position an earlier sync stored
// (`top`), or, on the first sync, down to the backfill horizon (7 days). Each page is committed
// with the cursor that resumes after it, so a sync cut short (rate limit, revoked token, crash)
// continues where it stopped instead of starting over or skipping what it did not reach.
// Where a network can list an item later at a position older than one already seen (Bluesky
// sorts notifications by the earlier of the record's own date and its indexing), the walk reads
// back a little past `top` each time (`rewind`); what it finds again is stored once.
import { z } from 'zod';

export const BACKFILL_MS = 7 * 24 * 3600_000;

export interface SyncCursor {
  /** The newest position fully synced: later walks stop there. Null before the first full walk. */
  top: string | null;
  /** A walk in progress: the next page to read, and the newest position it started from. */
  walk?: { page: string; top: string | null } | undefined;
}

const cursorSchema = z.object({
  top: z.string().max(500).nullable(),
  walk: z.object({ page: z.string().max(2000), top: z.string().max(500).nullable() }).optional(),
});

/** A stored cursor, or a fresh one when there is none (or it is not one this code wrote). */
export function readCursor(raw: unknown): SyncCursor {
  const parsed = cursorSchema.safeParse(raw);
  return parsed.success ? parsed.data : { top: null };
}

export interface WalkPage<I> {
  items: readonly I[];
  next: string | null;
  newest: string | null;
  oldest: { position: string; at: Date } | null;
}

export interface WalkStep<I> {
  /** Items to store: newer than `top` (the one at `top` again is harmless: stored once). */
  keep: I[];
  cursor: SyncCursor;
  done: boolean;
}

export function stepWalk<I extends { position: string; createdAt: Date }>(
  cursor: SyncCursor,
  page: WalkPage<I>,
  ctx: {
    horizon: Date;
    compare: (a: string, b: string) => number;
    /** The position to read back to from `top`, for networks that list late arrivals in the past. */
    rewind?: ((top: string) => string) | undefined;
  },
): WalkStep<I> {
  const floor = cursor.top !== null && ctx.rewind ? ctx.rewind(cursor.top) : cursor.top;
  const newer = (a: string | null, b: string | null) =>
    a === null ? b : b === null || ctx.compare(a, b) >= 0 ? a : b;
  const top = cursor.walk ? cursor.walk.top : newer(page.newest, cursor.top);
  const inRange = (i: I) =>
    floor !== null ? ctx.compare(i.position, floor) >= 0 : i.createdAt >= ctx.horizon;
  const keep = page.items.filter(inRange);
  const reachedFloor =
    page.oldest !== null &&
    (floor !== null ? ctx.compare(page.oldest.position, floor) <= 0 : page.oldest.at < ctx.horizon);
  const done = reachedFloor || page.next === null || page.oldest === null;
  if (done) return { keep, done, cursor: { top: newer(top, cursor.top) } };
  return { keep, done, cursor: { top: cursor.top, walk: { page: page.next as string, top } } };
}
