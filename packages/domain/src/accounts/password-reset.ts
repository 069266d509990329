// "Forgot password": a single-use link valid one hour, sent by email. Asking answers the same for
// any address (known or not); the link's secret is stored only as its sha256; using it sets the
// new password, spends every open link of the person and ends all their sessions.
import { type Db, passwordResets, sessions, users } from '@cadence/db';
import { and, count, eq, gt, gte, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sayError } from '../errors';
import { renderPasswordResetEmail } from '../notifications/account-emails';
import { queueEmail } from '../notifications/queue-email';
import { hashPassword } from '../security/password';
import { randomSecret, sha256 } from '../security/tokens';
import { emailSchema, passwordSchema } from './schemas';

export const PASSWORD_RESET_TTL_MS = 3600 * 1000;
/** Links one person may be sent per hour, whatever the addresses asking: no mailbox flooding. */
export const PASSWORD_RESETS_PER_HOUR = 3;
/** "rst_" and 43 base64url characters (256 bits). */
export const PASSWORD_RESET_TOKEN = /^rst_[A-Za-z0-9_-]{43}$/;

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export const passwordResetCompleteSchema = z.strictObject({
  token: z.string().regex(PASSWORD_RESET_TOKEN, 'is not a password reset link'),
  password: passwordSchema,
});

export interface ResetMail {
  /** PUBLIC_URL (never the request's Host: decision 0170). */
  origin: string;
  mailDomain: string;
}

export type ResetRequestOutcome = 'queued' | 'unknown_address' | 'capped' | 'no_smtp';

/**
 * The caller answers the same whatever the outcome; the outcome is for logs and tests only.
 * Without SMTP nothing is kept: a reset link in an outbox nobody reads would only be a live secret
 * at rest (docs/operations.md says how an operator helps instead).
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  now: Date,
  mail: ResetMail | null,
): Promise<ResetRequestOutcome> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      // Serialises concurrent requests for one person, so the hourly cap cannot be overshot.
      .for('update');
    if (!user) return 'unknown_address';
    if (!mail) return 'no_smtp';
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, user.id),
          gte(passwordResets.createdAt, new Date(now.getTime() - 3600 * 1000)),
        ),
      );
    if ((recent?.n ?? 0) >= PASSWORD_RESETS_PER_HOUR) return 'capped';
    const token = `rst_${randomSecret(32)}`;
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    });
    await queueEmail(tx, {
      workspaceId: null,
      userId: user.id,
      to: user.email,
      locale: user.locale,
      topic: 'password_reset',
      rendered: renderPasswordResetEmail({
        locale: user.locale,
        email: user.email,
        link: `${mail.origin}/reset-password#${token}`,
      }),
      mailDomain: mail.mailDomain,
      now,
    });
    return 'queued';
  });
}

/** One answer for a wrong, used or expired link. */
const deadLink = () =>
  sayError(
    'not_found',
    'errors.resetLink.invalid',
    {},
    {
      reason: 'password_reset_invalid',
    },
  );

export async function completePasswordReset(
  db: Db,
  input: { token: string; password: string },
  now: Date,
): Promise<void> {
  // Hashing is slow on purpose: done before the transaction holds any lock.
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.tokenHash, sha256(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .for('update');
    if (!reset) throw deadLink();
    // Every open link of the person dies with this one: a second email in the mailbox is spent too.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, reset.userId));
    // Whoever was signed in with the old password is signed out, on every device.
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
  });
}
