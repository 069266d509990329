// Issue 15: notification emails go through a real SMTP server (smtp-server, started here) from the
// shared job runner: right recipients, each in their own language, with working links; and with
// the server stopped in the middle of 200 emails and restarted, each arrives exactly once.
import { emailOutbox, memberships, notificationSettings, notifications, users } from '@cadence/db';
import { sendDueDigests } from '@cadence/domain/notifications/digest';
import { recordNotificationEvent } from '@cadence/domain/notifications/record-event';
import { createJobRunner, type JobRunner } from '@cadence/jobs';
import { registerNotifications } from '@cadence/publisher/jobs/notifications';
import { and, eq } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';
import { act, buildWorld, createPost, type PostsWorld } from './posts-fixtures';
import { type Received, smtpPort, startSmtp, stopSmtp, until } from './support/test-smtp';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let t: TestApp;
let w: PostsWorld;
let smtp: SMTPServer;
let port: number;
let runner: JobRunner;
const inbox: Received[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await t.ctx.database.db
    .update(users)
    .set({ locale: 'fr' })
    .where(eq(users.id, w.editor.userId as string));
  smtp = await startSmtp(0, inbox);
  port = smtpPort(smtp);
  const db = t.ctx.database.db;
  runner = createJobRunner({ db, workerId: 'mail-test', logger: silent, options: { pollEveryMs: 50 } });
  registerNotifications(runner, {
    db,
    config: {
      ...t.ctx.config,
      publicUrl: 'https://cadence.test',
      mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Cadence <cadence@cadence.test>' },
    },
    clock: () => new Date(),
    logger: silent,
    emailBackoff: { baseMs: 200, maxMs: 1_000 },
  });
  runner.start();
});
afterAll(async () => {
  await runner.stop(2_000);
  await stopSmtp(smtp).catch(() => undefined);
  await t.close();
});

describe('notification emails through SMTP', () => {
  it('sends the submission to the approvers and the request for changes to the author, each in their language', async () => {
    const post = await createPost(w, w.editor, { text: 'Soldes d’hiver <script>x</script>' });
    expect((await act(w, w.editor, post.id, 'submit', { version: 1 })).statusCode).toBe(200);
    const forReview = () => inbox.filter((m) => m.text.includes(`/review/${post.id}`));
    await until(() => forReview().length >= 3);
    const submitted = forReview();
    expect(submitted.map((m) => m.to).sort()).toEqual(
      [w.owner.email, w.manager.email, w.manager2.email].map(String).sort(),
    );
    // The owner reads French (set up in French), the managers English.
    const toOwner = submitted.find((m) => m.to === w.owner.email) as Received;
    expect(toOwner.language).toBe('fr');
    expect(toOwner.subject).toContain('a soumis une publication à votre validation');
    const first = submitted.find((m) => m.to === w.manager.email) as Received;
    expect(first.language).toBe('en');
    expect(first.subject).toContain('submitted a post for your review');
    expect(first.text).toContain(`https://cadence.test/review/${post.id}`);
    expect(first.text).toContain('https://cadence.test/settings/notifications');
    expect(first.html).toContain(`href="https://cadence.test/review/${post.id}"`);
    expect(first.html).not.toContain('<script>');

    expect((await act(w, w.manager, post.id, 'request-changes', { comment: 'Plus court' })).statusCode).toBe(
      200,
    );
    await until(() => inbox.some((m) => m.to === w.editor.email));
    const toEditor = inbox.filter((m) => m.to === w.editor.email);
    expect(toEditor).toHaveLength(1);
    expect(toEditor[0]?.language).toBe('fr');
    expect(toEditor[0]?.subject).toContain('demande des modifications');
    expect(toEditor[0]?.text).toContain(`https://cadence.test/posts/${post.id}`);
    expect(toEditor[0]?.text).toContain('Choisir les e-mails que vous recevez');
  });

  it('delivers each of 200 emails exactly once while the SMTP server stops and restarts', async () => {
    const db = t.ctx.database.db;
    const people = await db
      .insert(users)
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          email: `crowd-${i}@example.com`,
          name: `Crowd ${i}`,
          passwordHash: 'not-a-login',
        })),
      )
      .returning({ id: users.id, email: users.email });
    await db
      .insert(memberships)
      .values(people.map((p) => ({ workspaceId: w.ws, userId: p.id, role: 'viewer' as const })));
    const before = inbox.length;
    await db.transaction(async (tx) => {
      for (const p of people) {
        await recordNotificationEvent(tx, {
          workspaceId: w.ws,
          kind: 'role_changed',
          actorUserId: w.owner.userId as string,
          subjectUserId: p.id,
          params: { role: 'viewer' },
        });
      }
    });
    await until(() => inbox.length - before >= 20);
    await stopSmtp(smtp);
    const whileDown = inbox.length;
    // Attempts now fail and are retried with backoff; nothing is lost, nothing piles up twice.
    await until(async () =>
      (await db.select().from(emailOutbox).where(eq(emailOutbox.status, 'queued'))).some((e) => e.lastError),
    );
    smtp = await startSmtp(port, inbox);
    await until(async () => {
      const rows = await db
        .select({ status: emailOutbox.status })
        .from(emailOutbox)
        .where(eq(emailOutbox.topic, 'role_changed'));
      return rows.filter((r) => r.status === 'sent').length === 200;
    }, 120_000);
    await new Promise((r) => setTimeout(r, 500));
    const crowd = inbox.slice(before);
    expect(whileDown).toBeLessThan(before + 200);
    expect(crowd).toHaveLength(200);
    expect(new Set(crowd.map((m) => m.messageId)).size).toBe(200);
    expect(new Set(crowd.map((m) => m.to)).size).toBe(200);
  }, 180_000);

  it('sends a member who chose the digest one email with everything, in their language, once a day', async () => {
    const db = t.ctx.database.db;
    const editor = w.editor.userId as string;
    await db.insert(notificationSettings).values({ workspaceId: w.ws, userId: editor, emailDigest: true });
    await db.transaction(async (tx) => {
      for (const role of ['viewer', 'editor', 'manager']) {
        await recordNotificationEvent(tx, {
          workspaceId: w.ws,
          kind: 'role_changed',
          actorUserId: w.owner.userId as string,
          subjectUserId: editor,
          params: { role },
        });
      }
    });
    const pending = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, editor), eq(notifications.digestPending, true)));
    await until(async () => (await pending()).length === 3);
    const deps = { db, clock: () => new Date(), origin: 'https://cadence.test', mailDomain: 'cadence.test' };
    expect(await sendDueDigests(deps)).toBe(1);
    await until(() => inbox.some((m) => m.to === w.editor.email && m.subject.includes('résumé')));
    const digest = inbox.find((m) => m.to === w.editor.email && m.subject.includes('résumé')) as Received;
    expect(digest.subject).toBe('Votre résumé Cadence : 3 notifications');
    expect(digest.language).toBe('fr');
    expect(digest.text).toContain('Votre rôle est maintenant : lecteur');
    expect(digest.text).toContain('https://cadence.test/settings/notifications');
    expect(await pending()).toHaveLength(0);
    // Within the day, nothing more goes out even if more waits.
    await db.update(notifications).set({ digestPending: true }).where(eq(notifications.userId, editor));
    expect(await sendDueDigests(deps)).toBe(0);
  });
});
