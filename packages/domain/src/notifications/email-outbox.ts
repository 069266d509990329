// The email outbox's named transitions (one writer of `email_outbox`), each guarded in its SQL.
//
// Delivery is at-least-once with a fixed Message-ID: `startSending` commits "sending" and the
// attempt before the SMTP call, `markSent` commits after the server accepted. If the process dies
// in between, the job's lease runs out and the email is sent again under the same Message-ID,
// which mail clients and list servers use to drop the duplicate. At-most-once would instead lose
// the email whenever the process died after claiming it; a lost "your post failed" is worse than a
// duplicate that the client folds. See docs/decisions/0125-notifications-outbox-and-email.md.
import { type Db, emailOutbox } from '@cadence/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { SECRET_LINK_PATTERN } from './queue-email';

export type OutboxEmail = typeof emailOutbox.$inferSelect;

/** Claims the email for an attempt; null when there is nothing to send (already sent or held). */
export async function startSending(db: Db, id: string): Promise<OutboxEmail | null> {
  const [row] = await db
    .update(emailOutbox)
    .set({ status: 'sending', attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['queued', 'sending'])))
    .returning();
  return row ?? null;
}

/** Secret links in a delivered (or abandoned) email's stored copy are cut: the link is spent. */
const redacted = () => ({
  textBody: sql`regexp_replace(${emailOutbox.textBody}, ${SECRET_LINK_PATTERN}, '#…', 'g')`,
  htmlBody: sql`regexp_replace(${emailOutbox.htmlBody}, ${SECRET_LINK_PATTERN}, '#…', 'g')`,
});

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now, lastError: null, ...redacted() })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending')));
}

/** The attempt failed before the server accepted: back to queued, the job retries with backoff. */
export async function markAttemptFailed(db: Db, id: string, error: string, final: boolean): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: final ? 'failed' : 'queued',
      lastError: error.slice(0, 500),
      ...(final ? redacted() : {}),
    })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending')));
}

/** No SMTP configured: the email stays readable in the outbox, nothing fails. */
export async function markHeld(db: Db, id: string): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: 'held' })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['queued', 'sending'])));
}

/** The workspace's outbox, newest first (owners only; checked by the route's role). */
export async function listOutbox(db: Db, workspaceId: string, limit = 50) {
  return db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      locale: emailOutbox.locale,
      topic: emailOutbox.topic,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.workspaceId, workspaceId))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
}
