// Notifications on the process's job runner: two fan-out tasks (a lane each) turn recorded events
// into notifications and outbox emails every 200 ms (event to bell well under a second), and the
// "email.send" job kind sends one outbox row per job through SMTP (nodemailer) with backoff.
import type { Config } from '@cadence/config';
import type { Db } from '@cadence/db';
import { emailOrigin } from '@cadence/domain/notifications/links';
import { DIGEST_BATCH, sendDueDigests } from '@cadence/domain/notifications/digest';
import { recordExpiringTokens } from '@cadence/domain/notifications/expiring-tokens';
import { FAN_OUT_BATCH, fanOutNotifications } from '@cadence/domain/notifications/fan-out';
import { EMAIL_JOB, EMAIL_MAX_ATTEMPTS, mailDomainOf } from '@cadence/domain/notifications/queue-email';
import { type Mailer, sendOutboxEmail } from '@cadence/domain/notifications/send-email';
import type { BackoffPolicy, JobRunner } from '@cadence/jobs';
import type { PublisherLogger } from '../deps';
import { sendDueWeeklyReports, WEEKLY_REPORT_BATCH } from '@cadence/domain/notifications/weekly-report-send';
import { smtpMailer } from './smtp-mailer';

export const FAN_OUT_EVERY_MS = 200;
export const DIGEST_CHECK_EVERY_MS = 15 * 60_000;
export const TOKEN_CHECK_EVERY_MS = 60 * 60_000;

export function registerNotifications(
  runner: JobRunner,
  input: {
    db: Db;
    config: Config;
    clock: () => Date;
    logger: PublisherLogger;
    mailer?: Mailer | null;
    /** Tests shorten the waits between email attempts. */
    emailBackoff?: BackoffPolicy;
  },
): void {
  const { db, config, clock, logger } = input;
  const mailer =
    input.mailer !== undefined ? input.mailer : config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl) : null;
  const deps = { db, clock, origin: emailOrigin(config), mailDomain: mailDomainOf(config.mail.from) };
  // One task per lane (lanes.ts): the runner never doubles a task but runs different tasks at once,
  // so a drain's outcomes fan out beside person-directed events instead of in front of them.
  for (const lane of ['people', 'publications'] as const) {
    runner.every(`notifications:fan-out:${lane}`, FAN_OUT_EVERY_MS, async () => {
      // Drain a backlog in batches without waiting for the next tick.
      while ((await fanOutNotifications(deps, { lane })) >= FAN_OUT_BATCH) {}
    });
  }
  // Digests are due a day after the last one; checking every 15 minutes sends each within that.
  runner.every('notifications:digest', DIGEST_CHECK_EVERY_MS, async () => {
    // A full batch means more may be due; bounded so one tick never runs away.
    for (let i = 0; i < 50 && (await sendDueDigests(deps)) >= DIGEST_BATCH; i++) {}
  });
  // Weekly reports are due seven days after the last one; the same 15-minute check as digests.
  runner.every('notifications:weekly-report', DIGEST_CHECK_EVERY_MS, async () => {
    for (let i = 0; i < 50 && (await sendDueWeeklyReports(deps)) >= WEEKLY_REPORT_BATCH; i++) {}
  });
  // A daily question ("whose connection ends this week?") asked hourly: deduped per channel and
  // expiry, so each is told once, and a process started mid-day does not wait a day to ask.
  runner.every('notifications:token-expiring', TOKEN_CHECK_EVERY_MS, async () => {
    await recordExpiringTokens(db, clock());
  });
  runner.register<{ emailId: string }>(EMAIL_JOB, {
    concurrency: 4,
    backoff: input.emailBackoff ?? { baseMs: 5_000, maxMs: 10 * 60_000 },
    run: async (payload, ctx) => {
      const outcome = await sendOutboxEmail({ db, clock, mailer, from: config.mail.from }, payload.emailId, {
        number: ctx.attempt,
        last: ctx.attempt >= EMAIL_MAX_ATTEMPTS,
      });
      logger.debug({ emailId: payload.emailId, outcome }, 'email job done');
    },
  });
}
