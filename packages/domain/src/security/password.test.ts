import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password';

// Each hash takes a good fraction of a second at OWASP's cost, by design: give the tests room.
const SLOW = 30_000;

describe('password hashing', () => {
  it(
    'verifies the right password only, with a per-user salt',
    async () => {
      const a = await hashPassword('correct horse battery');
      const b = await hashPassword('correct horse battery');
      expect(a).not.toBe(b);
      expect(await verifyPassword('correct horse battery', a)).toBe(true);
      expect(await verifyPassword('wrong', a)).toBe(false);
      expect(await verifyPassword('x', 'garbage')).toBe(false);
    },
    SLOW,
  );

  it(
    "hashes at OWASP's minimum and asks to re-hash anything weaker",
    async () => {
      const stored = await hashPassword('correct horse battery');
      expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(needsRehash(stored)).toBe(false);
      expect(needsRehash(stored.replace('$131072$', '$32768$'))).toBe(true);
      expect(needsRehash('garbage')).toBe(true);
      // A stored hash asking for more memory than allowed is refused, not run.
      expect(await verifyPassword('x', stored.replace('$131072$', '$1073741824$'))).toBe(false);
    },
    SLOW,
  );
});
