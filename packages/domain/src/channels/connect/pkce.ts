// PKCE (RFC 7636, S256) and the state parameter: both random, both single-use, kept server-side.
import { createHash, randomBytes } from 'node:crypto';

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export function createCodeVerifier(): string {
  // 32 random bytes give a 43-character verifier, the shortest RFC 7636 allows.
  return base64url(randomBytes(32));
}

export function codeChallengeS256(verifier: string): string {
  return base64url(createHash('sha256').update(verifier).digest());
}

export function createState(): string {
  return base64url(randomBytes(32));
}

/** States are stored hashed, so a database read does not hand out live authorisation requests. */
export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}
