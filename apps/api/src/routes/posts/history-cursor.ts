// History pages by the event sequence, not by time: events of one transaction share a timestamp.
import { invalidField } from '@cadence/domain/errors';

export function encodeSeqCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq })).toString('base64url');
}

export function decodeSeqCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  try {
    const { s } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: unknown };
    if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) throw new Error('bad');
    return s;
  } catch {
    throw invalidField('querystring.cursor', 'cursor_unknown');
  }
}
