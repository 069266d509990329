import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { needsReseal, open, openJson, seal, sealedIn, sealJson } from './secret-box';

const k = (n: number) => Buffer.alloc(32, n);
const here = sealedIn.channelCredentials('11111111-1111-4111-8111-111111111111');

/** A value as Cadence sealed it before version 2: "keyId:iv:tag:data", no associated data. */
function legacySeal(id: string, key: Buffer, plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(
    ':',
  );
}

describe('secret box', () => {
  it('round-trips and hides the plaintext', () => {
    const ring = { keys: [{ id: 'a', key: k(1) }] };
    const sealed = seal(ring, 'app-password-123', here);
    expect(sealed).not.toContain('app-password');
    expect(sealed.startsWith('v2:a:')).toBe(true);
    expect(open(ring, sealed, here)).toBe('app-password-123');
  });

  it('opens data sealed with an older key after rotation', () => {
    const old = { keys: [{ id: 'old', key: k(1) }] };
    const sealed = sealJson(old, { token: 'x' }, here);
    const rotated = {
      keys: [
        { id: 'new', key: k(2) },
        { id: 'old', key: k(1) },
      ],
    };
    expect(openJson(rotated, sealed, here)).toEqual({ token: 'x' });
    expect(needsReseal(rotated, sealed)).toBe(true);
    const resealed = seal(rotated, 'y', here);
    expect(resealed.startsWith('v2:new:')).toBe(true);
    expect(needsReseal(rotated, resealed)).toBe(false);
  });

  it('refuses tampered ciphertext', () => {
    const ring = { keys: [{ id: 'a', key: k(1) }] };
    const parts = seal(ring, 'secret', here).split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => open(ring, parts.join(':'), here)).toThrow();
  });

  // Issue 10, finding 15: a value is bound to its table, column and row.
  it('refuses a value copied into another row or another column', () => {
    const ring = { keys: [{ id: 'a', key: k(1) }] };
    const sealed = sealJson(ring, { appPassword: 'victim' }, here);
    const otherRow = sealedIn.channelCredentials('22222222-2222-4222-8222-222222222222');
    expect(() => open(ring, sealed, otherRow)).toThrow();
    const otherColumn = sealedIn.mastodonClientSecret('11111111-1111-4111-8111-111111111111');
    expect(() => open(ring, sealed, otherColumn)).toThrow();
  });

  it('still opens values sealed before binding, and marks them for resealing', () => {
    const ring = { keys: [{ id: 'a', key: k(1) }] };
    const legacy = legacySeal('a', k(1), '{"token":"old"}');
    expect(openJson(ring, legacy, here)).toEqual({ token: 'old' });
    expect(needsReseal(ring, legacy)).toBe(true);
    // A legacy key may itself be called "v2": four parts still mean the unbound form.
    const namedV2 = legacySeal('v2', k(3), 'z');
    expect(open({ keys: [{ id: 'v2', key: k(3) }] }, namedV2, here)).toBe('z');
  });

  it('pins the tag to 16 bytes: a truncated tag is refused, not checked on fewer bytes', () => {
    const ring = { keys: [{ id: 'a', key: k(1) }] };
    for (const sealed of [legacySeal('a', k(1), 'secret'), seal(ring, 'secret', here)]) {
      const parts = sealed.split(':');
      const tagAt = parts.length - 2;
      parts[tagAt] = Buffer.from(parts[tagAt] ?? '', 'base64')
        .subarray(0, 4)
        .toString('base64');
      expect(() => open(ring, parts.join(':'), here)).toThrow();
    }
  });
});
