// Short-lived public links to one library item, for networks that fetch media themselves
// (Instagram, Threads, Facebook): `${PUBLIC_URL}/api/media-links/<item>?expires=<unix s>&signature=..`.
// The signature is an HMAC-SHA256 over the item id and the expiry, with a key derived from the
// encryption key ring (HKDF, its own label), so the link is the only credential, opens that item
// alone, and stops working at its expiry. Every key of the ring verifies, so rotating keys does
// not break links already handed to a network.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from '@cadence/domain/security/secret-box';

/** Where the public route lives: under /api, outside /api/v1, like the calendar feed. */
export const MEDIA_LINK_PATH = '/api/media-links';
/** Long enough for a ten-item carousel processed one container at a time, short enough to be lent. */
export const MEDIA_LINK_TTL_MS = 60 * 60 * 1000;

export type MediaLinkKeys = readonly Buffer[];

export function mediaLinkKeys(ring: KeyRing): MediaLinkKeys {
  return ring.keys.map((k) =>
    Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'cadence media link v1', 32)),
  );
}

const mac = (key: Buffer, mediaId: string, expires: string) =>
  createHmac('sha256', key).update(`${mediaId}\n${expires}`).digest();

export function signMediaLink(input: {
  publicUrl: string;
  keys: MediaLinkKeys;
  mediaId: string;
  now: Date;
  ttlMs?: number;
}): string {
  const [key] = input.keys;
  if (!key) throw new Error('no key to sign media links with');
  const expires = String(Math.floor((input.now.getTime() + (input.ttlMs ?? MEDIA_LINK_TTL_MS)) / 1000));
  const signature = mac(key, input.mediaId, expires).toString('base64url');
  const origin = input.publicUrl.replace(/\/+$/, '');
  return `${origin}${MEDIA_LINK_PATH}/${input.mediaId}?expires=${expires}&signature=${signature}`;
}

export type MediaLinkVerdict = 'valid' | 'expired' | 'invalid';

/** The signature is checked before the expiry, so an expired answer is given only to real links. */
export function checkMediaLink(input: {
  keys: MediaLinkKeys;
  mediaId: string;
  expires: string;
  signature: string;
  now: Date;
}): MediaLinkVerdict {
  if (!/^\d{1,12}$/.test(input.expires)) return 'invalid';
  // Compared as the canonical text, so no second spelling of the same bytes is accepted.
  const given = Buffer.from(input.signature);
  const genuine = input.keys.some((key) => {
    const expected = Buffer.from(mac(key, input.mediaId, input.expires).toString('base64url'));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!genuine) return 'invalid';
  return Number(input.expires) * 1000 <= input.now.getTime() ? 'expired' : 'valid';
}
