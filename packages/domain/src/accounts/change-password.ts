// A signed-in person changes their own password. Whoever held the old one (a stolen session, a
// shared laptop) is signed out: every other session of theirs ends, the one making the change stays.
import { users } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { invalidField } from '../errors';
import { hashPassword, verifyPassword } from '../security/password';
import type { UseCaseDeps } from '../use-case-deps';
import type { PasswordChange } from './schemas';
import { revokeOtherSessions } from './sessions';

/** The person acting: their id and the hash of the session they act from (it is kept). */
export interface SessionActor {
  userId: string;
  sessionIdHash: string;
}

export async function changePassword(deps: UseCaseDeps, actor: SessionActor, input: PasswordChange) {
  const { db } = deps;
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw invalidField('body.currentPassword', 'current_password_wrong');
  }
  // Hashed before the transaction: the key derivation is slow on purpose and holds no row lock.
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: deps.clock() }).where(eq(users.id, user.id));
    await revokeOtherSessions(tx, user.id, actor.sessionIdHash);
  });
}
