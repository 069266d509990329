// Issue 15, bad input and faults: 1,000 events for one person within a minute make no storm of
// email (a few instant ones, then one digest that counts the rest), and a recipient address the
// server refuses (a bounce at submission) is failed at once, while a "try later" is retried and
// arrives once. Real SMTP server (smtp-server) and the shared job runner.
import { emailOutbox, jobs, memberships, notifications, users } from '@cadence/db';
import { sendDueDigests } from '@cadence/domain/notifications/digest';
import { fanOutNotifications } from '@cadence/domain/notifications/fan-out';
import { INSTANT_EMAIL_LIMIT } from '@cadence/domain/notifications/preferences-rules';
import { EMAIL_JOB } from '@cadence/domain/notifications/queue-email';
import { recordNotificationEvent } from '@cadence/domain/notifications/record-event';
import { createJobRunner, type JobRunner } from '@cadence/jobs';
import { registerNotifications } from '@cadence/publisher/jobs/notifications';
import { and, eq, sql } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld } from './posts-fixtures';
import { type Received, smtpPort, startSmtp, stopSmtp, until } from './support/test-smtp';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const BOUNCING = 'nobody-here@example.com';
const BUSY = 'busy-mailbox@example.com';
let t: TestApp;
let w: PostsWorld;
let smtp: SMTPServer;
const inbox: Received[] = [];
const recipientsTried: string[] = [];
let busyRefusals = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  smtp = await startSmtp(0, inbox, (to) => {
    recipientsTried.push(to);
    if (to === BOUNCING) return 550;
    // The first attempt at the busy mailbox is told to come back later; the next is accepted.
    if (to === BUSY && busyRefusals++ === 0) return 451;
    return null;
  });
});
afterAll(async () => {
  await stopSmtp(smtp).catch(() => undefined);
  await t.close();
});

async function addPerson(email: string) {
  const db = t.ctx.database.db;
  const [person] = await db
    .insert(users)
    .values({ email, name: email, passwordHash: 'not-a-login' })
    .returning({ id: users.id });
  const id = person?.id as string;
  await db.insert(memberships).values({ workspaceId: w.ws, userId: id, role: 'viewer' });
  return id;
}

const roleChanged = (userId: string) => ({
  workspaceId: w.ws,
  kind: 'role_changed' as const,
  actorUserId: w.owner.userId as string,
  subjectUserId: userId,
  params: { role: 'viewer' },
});

describe('no storm', () => {
  it('sends a few instant emails for 1,000 events in a minute, then one digest counting the rest', async () => {
    const db = t.ctx.database.db;
    const person = await addPerson('stormy@example.com');
    const start = Date.parse('2026-11-26T09:00:00Z');
    // Ten bursts of 100 events, six seconds apart: 1,000 events within one minute.
    for (let burst = 0; burst < 10; burst++) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < 100; i++) await recordNotificationEvent(tx, roleChanged(person));
      });
      const now = new Date(start + burst * 6_000);
      const deps = { db, clock: () => now, origin: 'https://cadence.test', mailDomain: 'cadence.test' };
      while ((await fanOutNotifications(deps)) > 0) {}
    }
    const theirs = await db.select().from(notifications).where(eq(notifications.userId, person));
    expect(theirs).toHaveLength(1_000);
    expect(theirs.every((n) => n.inApp)).toBe(true);
    const instant = await db.select().from(emailOutbox).where(eq(emailOutbox.userId, person));
    expect(instant).toHaveLength(INSTANT_EMAIL_LIMIT.count);
    expect(theirs.filter((n) => n.digestPending)).toHaveLength(1_000 - INSTANT_EMAIL_LIMIT.count);

    const later = new Date(start + 60_000);
    const deps = { db, clock: () => later, origin: 'https://cadence.test', mailDomain: 'cadence.test' };
    expect(await sendDueDigests(deps)).toBe(1);
    const digests = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.userId, person), eq(emailOutbox.topic, 'digest')));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe('Your Cadence digest: 990 notifications');
    // 100 lines, then the rest counted with a link to the app, not mailed out day after day.
    expect(digests[0]?.textBody.match(/Your role is now viewer/g)).toHaveLength(100);
    expect(digests[0]?.textBody).toContain('And 890 more, in Cadence’s notifications.');
    const pending = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, person), eq(notifications.digestPending, true)));
    expect(pending[0]?.n).toBe(0);
    expect(await sendDueDigests(deps)).toBe(0);
  });
});

describe('an address that bounces', () => {
  let runner: JobRunner;
  beforeAll(() => {
    const db = t.ctx.database.db;
    runner = createJobRunner({ db, workerId: 'bounce-test', logger: silent, options: { pollEveryMs: 50 } });
    registerNotifications(runner, {
      db,
      config: {
        ...t.ctx.config,
        publicUrl: 'https://cadence.test',
        mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort(smtp)}`, from: 'Cadence <cadence@cadence.test>' },
      },
      clock: () => new Date(),
      logger: silent,
      emailBackoff: { baseMs: 100, maxMs: 200 },
    });
    runner.start();
  });
  afterAll(() => runner.stop(2_000));

  it('fails a refused recipient at once and retries one told to try later, which gets it once', async () => {
    const db = t.ctx.database.db;
    const bouncing = await addPerson(BOUNCING);
    const busy = await addPerson(BUSY);
    await db.transaction(async (tx) => {
      await recordNotificationEvent(tx, roleChanged(bouncing));
      await recordNotificationEvent(tx, roleChanged(busy));
    });
    const emailTo = async (address: string) =>
      (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)))[0];
    await until(async () => (await emailTo(BUSY))?.status === 'sent');
    await until(async () => (await emailTo(BOUNCING))?.status === 'failed');

    const bounced = await emailTo(BOUNCING);
    expect(bounced?.attempts).toBe(1);
    expect(bounced?.lastError).toMatch(/^bounced: .*550/);
    const bounceJob = await db
      .select({ status: jobs.status, attempts: jobs.attempts })
      .from(jobs)
      .where(and(eq(jobs.kind, EMAIL_JOB), sql`${jobs.payload}->>'emailId' = ${bounced?.id}`));
    expect(bounceJob).toEqual([{ status: 'failed', attempts: 1 }]);
    expect(recipientsTried.filter((to) => to === BOUNCING)).toHaveLength(1);

    const retried = await emailTo(BUSY);
    expect(retried?.attempts).toBe(2);
    expect(inbox.filter((m) => m.to === BUSY)).toHaveLength(1);
    expect(inbox.filter((m) => m.to === BOUNCING)).toHaveLength(0);
    // The bell still has it: a bounce loses the email, not the notification.
    const inApp = await db.select().from(notifications).where(eq(notifications.userId, bouncing));
    expect(inApp).toHaveLength(1);
  });
});
