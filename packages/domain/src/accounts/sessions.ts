import { type Executor, sessions } from '@cadence/db';
import { and, eq, ne } from 'drizzle-orm';
import { randomSecret, sha256 } from '../security/tokens';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

/** A new random session id on every login (rotation), stored only as its hash. */
export async function createSession(db: Executor, userId: string, now: Date) {
  const cookieValue = randomSecret(32);
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insert(sessions)
    .values({ idHash: sha256(cookieValue), userId, csrfToken, expiresAt, createdAt: now });
  return { cookieValue, csrfToken, expiresAt };
}

export async function revokeSession(db: Executor, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** After a password change every other session of the person ends. */
export async function revokeOtherSessions(db: Executor, userId: string, keepIdHash: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)));
}
