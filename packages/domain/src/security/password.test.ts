import { scryptSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password';

// A hash at OWASP's cost takes a good fraction of a second by design: few of them, and room.
const SLOW = 30_000;
let a = '';
let b = '';
beforeAll(async () => {
  [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
}, SLOW);

/** A hash in the stored format with cheap parameters (verification uses the stored ones). */
function weakHash(password: string) {
  const salt = Buffer.alloc(16, 5);
  const hash = scryptSync(password.normalize('NFKC'), salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  return `scrypt$${2 ** 10}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

describe('password hashing', () => {
  it(
    'verifies the right password only, with a per-user salt',
    async () => {
      expect(a).not.toBe(b);
      expect(await verifyPassword('correct horse battery', a)).toBe(true);
      expect(await verifyPassword('correct horse battery', weakHash('correct horse battery'))).toBe(true);
      expect(await verifyPassword('wrong', weakHash('correct horse battery'))).toBe(false);
      expect(await verifyPassword('x', 'garbage')).toBe(false);
    },
    SLOW,
  );

  it("hashes at OWASP's minimum and asks to re-hash anything weaker", async () => {
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(a)).toBe(false);
    expect(needsRehash(weakHash('x'))).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
    // A stored hash asking for more memory than allowed is refused, not run.
    expect(await verifyPassword('x', a.replace('$131072$', '$1073741824$'))).toBe(false);
  });
});
