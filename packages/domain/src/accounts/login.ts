import { type Db, users } from '@cadence/db';
import { and, eq, sql } from 'drizzle-orm';
import { sayError } from '../errors';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from '../security/password';
import { createSession, revokeSession } from './sessions';

export async function login({
  db,
  email,
  password,
  now,
  previousSessionIdHash,
}: {
  db: Db;
  email: string;
  password: string;
  now: Date;
  previousSessionIdHash?: string | undefined;
}) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  // Verify against a dummy hash for unknown emails so both paths take the same time.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) throw sayError('unauthenticated', 'errors.auth.wrongPassword');
  if (needsRehash(user.passwordHash)) await upgradeHash(db, user, password, now);
  if (previousSessionIdHash) await revokeSession(db, previousSessionIdHash);
  const session = await createSession(db, user.id, now);
  return { user, session };
}

/**
 * The only moment the plain password is at hand: replace a hash made with older, weaker scrypt
 * parameters. Guarded on the old hash, so a password changed meanwhile is never overwritten.
 */
async function upgradeHash(db: Db, user: { id: string; passwordHash: string }, password: string, now: Date) {
  const passwordHash = await hashPassword(password);
  await db
    .update(users)
    .set({ passwordHash, updatedAt: now })
    .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
}
