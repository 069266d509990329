// The SMTP side of email delivery (nodemailer), and which of its failures are final: a recipient
// or message the receiving server refuses with a 5xx answer (a bounce at submission: "550 no such
// user") is refused for good, so the email is marked failed at once instead of knocking on the
// same door 20 times; everything else (connection refused, timeouts, 4xx "try later") is retried.
import { MailRefusedError, type Mailer } from '@cadence/domain/notifications/send-email';
import nodemailer from 'nodemailer';

/** nodemailer's error fields that say what the server answered. */
interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
}

/** A 5xx answer to the envelope (RCPT TO) or the message (DATA): final for this email. */
export function isPermanentRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseCode } = error as SmtpFailure;
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600
  );
}

export function smtpMailer(smtpUrl: string): Mailer {
  // Bounded waits: a slow or silent server fails the attempt (retried later), it never holds a job.
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(message) {
      try {
        await transport.sendMail(message);
      } catch (error) {
        if (!isPermanentRefusal(error)) throw error;
        const { responseCode } = error as SmtpFailure;
        const text = error instanceof Error ? error.message : String(error);
        throw new MailRefusedError(Number(responseCode), text);
      }
    },
  };
}
