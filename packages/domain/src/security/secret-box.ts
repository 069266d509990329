// Seals credentials with AES-256-GCM. The sealed form names the key it was sealed with, so keys can
// rotate: new data uses the first key, old data still opens with the older keys.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface KeyRing {
  keys: { id: string; key: Buffer }[];
}

export function seal(ring: KeyRing, plaintext: string): string {
  const current = ring.keys[0];
  if (!current) throw new Error('no encryption key configured');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    current.id,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    data.toString('base64'),
  ].join(':');
}

export function open(ring: KeyRing, sealed: string): string {
  const [id, ivB64, tagB64, dataB64] = sealed.split(':');
  const entry = ring.keys.find((k) => k.id === id);
  if (!entry || !ivB64 || !tagB64 || dataB64 === undefined)
    throw new Error('sealed value uses an unknown key');
  const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(ivB64, 'base64'));
  decipher.setAuthTag(Buffer.from(tagB64, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(dataB64, 'base64')), decipher.final()]).toString('utf8');
}

export function sealJson(ring: KeyRing, value: unknown): string {
  return seal(ring, JSON.stringify(value));
}

export function openJson<T = unknown>(ring: KeyRing, sealed: string): T {
  return JSON.parse(open(ring, sealed)) as T;
}
