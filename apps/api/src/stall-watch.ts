// Watching for a stopped publisher from the API process. The publisher's job runner is what turns
// events into notifications and sends emails, so when it is the thing that stopped, nobody would be
// told: this watch, every 30 s, records "publisher stalled" for the workspaces whose posts wait
// (deduped per stall), turns pending events into notifications itself (the fan-out claims events
// with SKIP LOCKED, so a living publisher doing the same is harmless), and sends the stalled-publisher
// emails itself; the email job finds them sent when the runner comes back.
import type { Config } from '@cadence/config';
import type { Db } from '@cadence/db';
import { FAN_OUT_BATCH, fanOutNotifications } from '@cadence/domain/notifications/fan-out';
import { emailOrigin } from '@cadence/domain/notifications/links';
import { queuedStalledEmails, recordPublisherStalled } from '@cadence/domain/notifications/publisher-stalled';
import { mailDomainOf } from '@cadence/domain/notifications/queue-email';
import { type Mailer, sendOutboxEmail } from '@cadence/domain/notifications/send-email';
import { smtpMailer } from '@cadence/publisher/jobs/smtp-mailer';

const STALL_WATCH_EVERY_MS = 30_000;

interface WatchDeps {
  db: Db;
  config: Config;
  clock: () => Date;
  /** Tests pass a mailer; otherwise SMTP_URL's, or none (emails stay held in the outbox). */
  mailer?: Mailer | null;
  onError?: (error: unknown) => void;
}

/** One look: what it recorded and how many emails it sent. */
export async function watchPublisherOnce(deps: WatchDeps): Promise<{ recorded: number; sent: number }> {
  const { db, config, clock } = deps;
  const recorded = await recordPublisherStalled(db, clock());
  if (recorded === 0) return { recorded, sent: 0 };
  const notify = { db, clock, origin: emailOrigin(config), mailDomain: mailDomainOf(config.mail.from) };
  // Bounded: a backlog beyond this is the runner's to drain when it returns.
  // The people lane: the stalled notice does not wait behind a backlog of post outcomes.
  for (let i = 0; i < 10 && (await fanOutNotifications(notify, { lane: 'people' })) >= FAN_OUT_BATCH; i++) {}
  const mailer =
    deps.mailer !== undefined ? deps.mailer : config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl) : null;
  let sent = 0;
  for (const id of await queuedStalledEmails(db)) {
    const outcome = await sendOutboxEmail({ db, clock, mailer, from: config.mail.from }, id, {
      number: 1,
      last: false,
    }).catch(() => 'failed' as const); // left for the email job's retries
    if (outcome === 'sent') sent++;
  }
  return { recorded, sent };
}

export function startStallWatch(deps: WatchDeps): { stop: () => void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    watchPublisherOnce(deps)
      .catch((e: unknown) => deps.onError?.(e))
      .finally(() => {
        running = false;
      });
  }, STALL_WATCH_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
