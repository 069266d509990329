// A record key per target that never changes, so publishing the same target twice addresses the
// same record: the second createRecord finds it taken and getRecord finds the first post.
//
// app.bsky.feed.post records are keyed by TIDs: 64 bits (top bit 0, 53 bits of microseconds,
// 10 bits of clock id) written in base32-sortable as 13 characters. Ours are derived from a hash
// of the key alone (not of the scheduled time, which a person may change while a post's fate is
// unknown). Their timestamp part lies in a fixed window in the past, January 2024: record keys are
// not read as times by anyone (timelines sort by createdAt), only their syntax is checked.
import { createHash } from 'node:crypto';

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const WINDOW_START_US = 1_704_067_200_000_000n; // 2024-01-01T00:00:00Z
const WINDOW_BITS = 40n; // about 12.7 days of microseconds

export function deterministicTid(key: string): string {
  const digest = createHash('sha256').update(`cadence:bluesky-rkey:${key}`).digest();
  const offset = digest.readBigUInt64BE(0) & ((1n << WINDOW_BITS) - 1n);
  const clockId = BigInt(digest.readUInt16BE(8) & 0x3ff);
  return encodeTid(((WINDOW_START_US + offset) << 10n) | clockId);
}

function encodeTid(value: bigint): string {
  let out = '';
  let v = value & 0x7fff_ffff_ffff_ffffn;
  for (let i = 0; i < 13; i++) {
    out = ALPHABET.charAt(Number(v & 31n)) + out;
    v >>= 5n;
  }
  return out;
}

/** The syntax the atproto specification gives for TIDs. */
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
