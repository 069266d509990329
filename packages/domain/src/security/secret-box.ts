// Seals credentials with AES-256-GCM. The sealed form names the key it was sealed with, so keys can
// rotate: new data uses the first key, old data still opens with the older keys, and
// `pnpm keys:reseal` moves every stored value to the first key so an old one can be retired.
//
// Version 2 ("v2:keyId:iv:tag:data") binds each value to where it is stored: the table, the
// column and the row id are the cipher's associated data, so a value copied into another row or
// column (by someone who can write to the database but has no key) no longer opens. Values sealed
// before that ("keyId:iv:tag:data", unbound) still open; resealing upgrades them. The tag length
// is pinned to 16 bytes on both sides, so a truncated tag is refused rather than checked weakly.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface KeyRing {
  keys: { id: string; key: Buffer }[];
}

/** Where a sealed value lives; part of what the cipher authenticates. */
export interface SealBinding {
  table: string;
  column: string;
  rowId: string;
}

/** The bindings of every sealed column, named once so writers and readers cannot disagree. */
export const sealedIn = {
  channelCredentials: (rowId: string): SealBinding => ({
    table: 'channels',
    column: 'credentials_sealed',
    rowId,
  }),
  connectCodeVerifier: (rowId: string): SealBinding => ({
    table: 'oauth_connect_requests',
    column: 'code_verifier_sealed',
    rowId,
  }),
  webhookSecret: (rowId: string): SealBinding => ({
    table: 'webhook_subscriptions',
    column: 'secret_sealed',
    rowId,
  }),
  mastodonClientSecret: (rowId: string): SealBinding => ({
    table: 'mastodon_apps',
    column: 'client_secret_sealed',
    rowId,
  }),
};

const VERSION = 'v2';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const associatedData = (b: SealBinding) => Buffer.from(JSON.stringify([b.table, b.column, b.rowId]), 'utf8');

export function seal(ring: KeyRing, plaintext: string, binding: SealBinding): string {
  const current = ring.keys[0];
  if (!current) throw new Error('no encryption key configured');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(binding));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    VERSION,
    current.id,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    data.toString('base64'),
  ].join(':');
}

interface Parsed {
  bound: boolean;
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

function parse(sealed: string): Parsed {
  const parts = sealed.split(':');
  // Key ids are [a-z0-9]{1,16}, so a legacy value whose key is named "v2" still has four parts.
  const bound = parts.length === 5 && parts[0] === VERSION;
  const [keyId, iv, tag, data] = bound ? parts.slice(1) : parts;
  if ((!bound && parts.length !== 4) || !keyId || !iv || !tag || data === undefined) {
    throw new Error('not a sealed value');
  }
  return {
    bound,
    keyId,
    iv: Buffer.from(iv, 'base64'),
    tag: Buffer.from(tag, 'base64'),
    data: Buffer.from(data, 'base64'),
  };
}

export function open(ring: KeyRing, sealed: string, binding: SealBinding): string {
  const p = parse(sealed);
  const entry = ring.keys.find((k) => k.id === p.keyId);
  if (!entry) throw new Error('sealed value uses an unknown key');
  if (p.iv.length !== IV_BYTES || p.tag.length !== TAG_BYTES) throw new Error('sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', entry.key, p.iv, { authTagLength: TAG_BYTES });
  if (p.bound) decipher.setAAD(associatedData(binding));
  decipher.setAuthTag(p.tag);
  return Buffer.concat([decipher.update(p.data), decipher.final()]).toString('utf8');
}

/** True when the value is unbound (sealed before version 2) or sealed with a key other than the first. */
export function needsReseal(ring: KeyRing, sealed: string): boolean {
  const p = parse(sealed);
  return !p.bound || p.keyId !== ring.keys[0]?.id;
}

/** The id of the key a stored value was sealed with (for the reseal report). */
export function sealedKeyId(sealed: string): string {
  return parse(sealed).keyId;
}

export function sealJson(ring: KeyRing, value: unknown, binding: SealBinding): string {
  return seal(ring, JSON.stringify(value), binding);
}

export function openJson<T = unknown>(ring: KeyRing, sealed: string, binding: SealBinding): T {
  return JSON.parse(open(ring, sealed, binding)) as T;
}
