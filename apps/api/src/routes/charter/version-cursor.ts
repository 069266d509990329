// Charter versions page by version number, not by date: numbers are dense and ordered by the
// save lock, while two saves' timestamps can come out of order.
import { invalidField } from '@cadence/domain/errors';
import { INT4_MAX } from '@cadence/domain/storable';

function encodeVersionCursor(version: number): string {
  return Buffer.from(JSON.stringify({ v: version })).toString('base64url');
}

export function decodeVersionCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  try {
    const { v } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: unknown };
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > INT4_MAX) throw new Error('bad');
    return v;
  } catch {
    throw invalidField('querystring.cursor', 'cursor_unknown');
  }
}

/** Given limit+1 versions newest first, returns the page and the cursor of the next one. */
export function toVersionPage<T extends { version: number }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeVersionCursor(last.version) : null };
}
