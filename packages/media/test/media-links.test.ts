import { describe, expect, it } from 'vitest';
import { checkMediaLink, mediaLinkKeys, signMediaLink } from '../src/links/media-links';

const ring = (byte: number) => ({ keys: [{ id: `k${byte}`, key: Buffer.alloc(32, byte) }] });
const ITEM = '0b6f1a52-3c1e-4f7e-9a57-8d2f0c6a1b23';
const now = new Date('2026-11-26T10:00:00Z');

function parts(url: string) {
  const u = new URL(url);
  return {
    mediaId: u.pathname.split('/').at(-1) ?? '',
    expires: u.searchParams.get('expires') ?? '',
    signature: u.searchParams.get('signature') ?? '',
  };
}

describe('media links', () => {
  const keys = mediaLinkKeys(ring(1));
  const link = parts(signMediaLink({ publicUrl: 'https://c.example/', keys, mediaId: ITEM, now }));

  it('are valid until their expiry, an hour by default, then expired', () => {
    expect(Number(link.expires)).toBe(now.getTime() / 1000 + 3600);
    expect(checkMediaLink({ ...link, keys, now })).toBe('valid');
    expect(checkMediaLink({ ...link, keys, now: new Date(now.getTime() + 3600_000) })).toBe('expired');
  });

  it('bind the item and the expiry: any change, or another key, is invalid', () => {
    expect(checkMediaLink({ ...link, mediaId: ITEM.replace('0b', '0c'), keys, now })).toBe('invalid');
    expect(checkMediaLink({ ...link, expires: String(Number(link.expires) + 1), keys, now })).toBe('invalid');
    expect(checkMediaLink({ ...link, expires: `${link.expires}.0`, keys, now })).toBe('invalid');
    expect(checkMediaLink({ ...link, signature: `${link.signature}=`, keys, now })).toBe('invalid');
    expect(checkMediaLink({ ...link, keys: mediaLinkKeys(ring(2)), now })).toBe('invalid');
  });

  it('stay valid while the key that signed them is still in the ring (rotation)', () => {
    const rotated = mediaLinkKeys({ keys: [...ring(2).keys, ...ring(1).keys] });
    expect(checkMediaLink({ ...link, keys: rotated, now })).toBe('valid');
  });

  it('use a key derived for links, not the encryption key itself', () => {
    expect(keys[0]?.equals(Buffer.alloc(32, 1))).toBe(false);
  });
});
