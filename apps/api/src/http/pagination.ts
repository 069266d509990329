// Cursor pagination: an opaque cursor encodes the (createdAt, id) of the last item seen, so pages
// stay stable while rows are added, and each page is one index range scan.
import { invalidField } from '@cadence/domain/errors';
import { isStorableInstant } from '@cadence/domain/storable';
import { z } from 'zod';

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export interface Cursor {
  createdAt: Date;
  id: string;
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const createdAt = new Date(typeof at === 'string' ? at : Number.NaN);
    // Checked in full: a cursor is client input, and its parts go into a query as uuid and timestamptz.
    if (!isStorableInstant(createdAt) || !z.uuid().safeParse(id).success) throw new Error('bad');
    return { createdAt, id: id as string };
  } catch {
    throw invalidField('querystring.cursor', 'cursor_unknown');
  }
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString('base64url');
}

/** Given limit+1 rows, returns the page and the cursor of the next one. */
export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
