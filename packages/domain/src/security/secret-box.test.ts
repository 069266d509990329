import { describe, expect, it } from 'vitest';
import { open, openJson, seal, sealJson } from './secret-box';

const k = (n: number) => Buffer.alloc(32, n);

describe('secret box', () => {
  it('round-trips and hides the plaintext', () => {
    const ring = { keys: [{ id: 'a', key: k(1) }] };
    const sealed = seal(ring, 'app-password-123');
    expect(sealed).not.toContain('app-password');
    expect(open(ring, sealed)).toBe('app-password-123');
  });

  it('opens data sealed with an older key after rotation', () => {
    const old = { keys: [{ id: 'old', key: k(1) }] };
    const sealed = sealJson(old, { token: 'x' });
    const rotated = {
      keys: [
        { id: 'new', key: k(2) },
        { id: 'old', key: k(1) },
      ],
    };
    expect(openJson(rotated, sealed)).toEqual({ token: 'x' });
    expect(seal(rotated, 'y').startsWith('new:')).toBe(true);
  });

  it('refuses tampered ciphertext', () => {
    const ring = { keys: [{ id: 'a', key: k(1) }] };
    const parts = seal(ring, 'secret').split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => open(ring, parts.join(':'))).toThrow();
  });
});
