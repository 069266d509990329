// Passwords: scrypt from node:crypto with a per-user random salt, parameters stored with the hash
// so they can be raised later without breaking existing accounts: an older hash still verifies
// with its own parameters, and `needsRehash` says when to store a new one (at the next sign-in).
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * OWASP's minimum for scrypt (Password Storage Cheat Sheet): N=2^17, r=8, p=1, i.e. 128 MiB and
 * about 0.3 s of one core per hash. It runs on libuv's thread pool (4 threads by default), so at
 * most 4 hashes, 512 MiB, are in flight however many sign-ins arrive.
 */
export const PASSWORD_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
// scrypt needs 128 * N * r bytes; the ceiling also refuses a stored hash asking for more.
const MAXMEM = 256 * 1024 * 1024;
const KEYLEN = 32;

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): StoredHash | null {
  const [scheme, n, r, p, saltB64, hashB64, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !hashB64 || rest.length > 0) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { ...params, salt: Buffer.from(saltB64, 'base64'), hash: Buffer.from(hashB64, 'base64') };
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = PASSWORD_PARAMS;
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: MAXMEM });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const { N, r, p, salt, hash: expected } = parsed;
  try {
    const actual = await scrypt(password.normalize('NFKC'), salt, expected.length, {
      N,
      r,
      p,
      maxmem: MAXMEM,
    });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt refuses (N not a power of two, beyond the memory ceiling): not a match.
    return false;
  }
}

/** Whether a hash was made with weaker parameters than today's, so it should be replaced. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  return (
    parsed.N < PASSWORD_PARAMS.N ||
    parsed.r < PASSWORD_PARAMS.r ||
    parsed.p < PASSWORD_PARAMS.p ||
    parsed.hash.length < KEYLEN
  );
}

/** A hash to verify against when the account does not exist, so timing does not reveal emails. */
export const DUMMY_PASSWORD_HASH = `scrypt$${PASSWORD_PARAMS.N}$${PASSWORD_PARAMS.r}$${PASSWORD_PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;
