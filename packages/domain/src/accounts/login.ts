import { type Db, users } from '@cadence/db';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../errors';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../security/password';
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
  if (!user || !ok) throw new AppError('unauthenticated', 'Email or password is wrong');
  if (previousSessionIdHash) await revokeSession(db, previousSessionIdHash);
  const session = await createSession(db, user.id, now);
  return { user, session };
}
