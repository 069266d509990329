// One email into the outbox and its "email.send" job, in the caller's transaction: if the change
// that asks for the email rolls back, so does the email; once committed, the shared job runner
// sends it with retries (decision 0125).
import { randomUUID } from 'node:crypto';
import { emailOutbox, type Executor } from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import type { Locale } from '@cadence/names';
import type { RenderedEmail } from './email-render';

export const EMAIL_JOB = 'email.send';
export const EMAIL_MAX_ATTEMPTS = 20;

/** Where Message-IDs say they come from: the domain of MAIL_FROM. */
export function mailDomainOf(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
}

export const newMessageId = (mailDomain: string) => `<${randomUUID()}@${mailDomain}>`;

/**
 * Links that carry a secret (invitation, password reset) are written "#inv_…" / "#rst_…"; once the
 * email is sent (or given up) the stored copy is redacted, so the outbox never keeps a live secret
 * longer than it takes to deliver it (email-outbox.ts).
 */
export const SECRET_LINK_PATTERN = '#(inv|rst)_[A-Za-z0-9_-]{43}';

export async function queueEmail(
  tx: Executor,
  input: {
    workspaceId: string | null;
    userId: string | null;
    to: string;
    locale: Locale;
    topic: string;
    rendered: RenderedEmail;
    mailDomain: string;
    now: Date;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.insert(emailOutbox).values({
    id,
    workspaceId: input.workspaceId,
    userId: input.userId,
    toAddress: input.to,
    locale: input.locale,
    topic: input.topic,
    subject: input.rendered.subject,
    textBody: input.rendered.text,
    htmlBody: input.rendered.html,
    messageId: newMessageId(input.mailDomain),
    createdAt: input.now,
  });
  await enqueueJob(
    tx,
    EMAIL_JOB,
    { emailId: id },
    { key: id, now: input.now, maxAttempts: EMAIL_MAX_ATTEMPTS },
  );
  return id;
}
