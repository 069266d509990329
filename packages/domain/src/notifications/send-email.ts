// The "email.send" job: one outbox row, one SMTP submission under the row's Message-ID.
import type { Db } from '@cadence/db';
import { PermanentJobError } from '@cadence/jobs';
import { markAttemptFailed, markHeld, markSent, startSending } from './email-outbox';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/**
 * The receiving server refused this recipient or message for good (an SMTP 5xx answer, a bounce at
 * submission): sending the same email again cannot succeed, so it is failed at once.
 */
export class MailRefusedError extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'MailRefusedError';
  }
}

/** The SMTP side, behind an interface so the job does not care which library sends. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface SendEmailDeps {
  db: Db;
  clock: () => Date;
  /** null when SMTP_URL is unset: emails are held in the outbox. */
  mailer: Mailer | null;
  from: string;
}

export async function sendOutboxEmail(
  deps: SendEmailDeps,
  emailId: string,
  attempt: { number: number; last: boolean },
): Promise<'sent' | 'held' | 'nothing'> {
  if (!deps.mailer) {
    await markHeld(deps.db, emailId);
    return 'held';
  }
  const email = await startSending(deps.db, emailId);
  if (!email) return 'nothing';
  try {
    await deps.mailer.send({
      from: deps.from,
      to: email.toAddress,
      subject: email.subject,
      text: email.textBody,
      html: email.htmlBody,
      messageId: email.messageId,
      headers: { 'Content-Language': email.locale, 'Auto-Submitted': 'auto-generated' },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const refused = error instanceof MailRefusedError;
    await markAttemptFailed(
      deps.db,
      emailId,
      refused ? `bounced: ${message}` : message,
      refused || attempt.last,
    );
    // A bounce stops the job's retries too; anything else is retried with backoff.
    throw refused ? new PermanentJobError(`bounced: ${message}`) : error;
  }
  await markSent(deps.db, emailId, deps.clock());
  return 'sent';
}
