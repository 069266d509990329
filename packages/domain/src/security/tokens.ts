import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Secrets with 128+ bits of entropy need no slow hash: sha256 is enough and allows lookup by hash. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** API tokens read "cad_<8-char prefix>_<secret>": the prefix is shown in lists, the rest never again. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  const token = `cad_${prefix}_${randomSecret(32)}`;
  return { token, prefix: `cad_${prefix}`, hash: sha256(token) };
}
