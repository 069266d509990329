import { type Executor, users } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../errors';
import type { ProfileUpdate } from './schemas';

/** Changes the signed-in person's own name or language; the id comes from the session, never the body. */
export async function updateProfile(db: Executor, userId: string, patch: ProfileUpdate, now: Date) {
  const [user] = await db
    .update(users)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      updatedAt: now,
    })
    .where(eq(users.id, userId))
    .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale });
  if (!user) throw notFound('account');
  return user;
}
