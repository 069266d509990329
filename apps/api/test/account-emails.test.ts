// Issue 15: an invitation and a password reset, end to end through a real SMTP server started here
// and the shared job runner: the right recipient, in their language, with a link that works once;
// the same answer for known and unknown addresses; links built from PUBLIC_URL, never the Host.
import { emailOutbox, users } from '@cadence/db';
import { PASSWORD_RESETS_PER_HOUR } from '@cadence/domain/accounts/password-reset';
import { hashPassword } from '@cadence/domain/security/password';
import { createJobRunner, type JobRunner } from '@cadence/jobs';
import { registerNotifications } from '@cadence/publisher/jobs/notifications';
import { eq } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, setupOwner, signIn, type TestApp } from './helpers';
import { type Received, smtpPort, startSmtp, stopSmtp, until } from './support/test-smtp';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const inbox: Received[] = [];
let t: TestApp;
let smtp: SMTPServer;
let runner: JobRunner;
let owner: Caller;
let ws: string;

const linkIn = (mail: Received, prefix: string) => {
  const match = new RegExp(`https://cadence\\.test/${prefix}#([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${prefix} link in: ${mail.text}`);
  return match[1];
};
const mailTo = async (address: string, count = 1) => {
  await until(() => inbox.filter((m) => m.to === address).length >= count);
  return inbox.filter((m) => m.to === address);
};

beforeAll(async () => {
  smtp = await startSmtp(0, inbox);
  t = await createTestApp({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort(smtp)}`,
    MAIL_FROM: 'Cadence <cadence@cadence.test>',
    PUBLIC_URL: 'https://cadence.test',
  });
  ({ owner, workspaceId: ws } = await setupOwner(t));
  // Someone with an account elsewhere (not a member here).
  await t.ctx.database.db.insert(users).values({
    email: 'known@example.com',
    name: 'Kim Known',
    passwordHash: await hashPassword('correct horse battery'),
    locale: 'fr',
  });
  const db = t.ctx.database.db;
  runner = createJobRunner({ db, workerId: 'account-mail', logger: silent, options: { pollEveryMs: 50 } });
  registerNotifications(runner, { db, config: t.ctx.config, clock: () => new Date(), logger: silent });
  runner.start();
});
afterAll(async () => {
  await runner.stop(2_000);
  await stopSmtp(smtp);
  await t.close();
});

const inviteBody = (email: string, extra: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: `/api/v1/workspaces/${ws}/invitations`,
  payload: { email, role: 'editor', ...extra },
});

describe('invitations by email', () => {
  it('emails the link in the workspace language; the answer carries no link and is the same for known and unknown addresses', async () => {
    const unknown = await call(t, owner, {
      ...inviteBody('new.person@example.com'),
      headers: { host: 'evil.example' },
    });
    const known = await call(t, owner, inviteBody('known@example.com'));
    expect(unknown.statusCode).toBe(201);
    expect(known.statusCode).toBe(201);
    const shape = (b: Record<string, unknown>) => ({ ...b, id: 0, email: 0, createdAt: 0, expiresAt: 0 });
    expect(shape(unknown.json())).toEqual(shape(known.json()));
    expect(unknown.json()).toMatchObject({ delivery: 'email', token: null, acceptUrl: null });

    const [mail] = await mailTo('new.person@example.com');
    expect(mail?.language).toBe('fr'); // the workspace speaks French (setupOwner)
    expect(mail?.subject).toBe('Olivia Owner vous invite à rejoindre Acme sur Cadence');
    expect(mail?.text).toContain('en tant que rédacteur');
    // The forged Host did not reach the link.
    expect(mail?.text).not.toContain('evil.example');
    const token = linkIn(mail as Received, 'invitation');
    expect(mail?.html).toContain(`href="https://cadence.test/invitation#${token}"`);

    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/register',
      payload: { token, name: 'New Person', password: 'correct horse battery' },
    });
    expect(joined.statusCode).toBe(201);
    expect(joined.json().workspaceId).toBe(ws);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/register',
      payload: { token, name: 'Someone Else', password: 'correct horse battery' },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.details.reason).toBe('invitation_invalid');
  });

  it('lets a person with an account accept the emailed link signed in, in the language the inviter chose', async () => {
    await call(t, owner, inviteBody('known@example.com', { locale: 'en' }));
    const mails = await mailTo('known@example.com', 2);
    const latest = mails[1] as Received;
    expect(latest.language).toBe('en');
    expect(latest.subject).toBe('Olivia Owner invited you to Acme on Cadence');
    const token = linkIn(latest, 'invitation');
    // The first email's link died when the invitation was sent again.
    const stale = linkIn(mails[0] as Received, 'invitation');
    const kim = await signIn(t, 'known@example.com');
    const old = await call(t, kim, {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: stale },
    });
    expect(old.statusCode).toBe(404);
    const res = await call(t, kim, { method: 'POST', url: '/api/v1/invitations/accept', payload: { token } });
    expect(res.statusCode).toBe(200);
    expect(res.json().workspaceId).toBe(ws);
  });

  it('keeps no live link in the outbox once the email is sent', async () => {
    const db = t.ctx.database.db;
    await until(async () =>
      (await db.select().from(emailOutbox).where(eq(emailOutbox.topic, 'invitation'))).every(
        (e) => e.status === 'sent',
      ),
    );
    const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.topic, 'invitation'));
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row.textBody).toContain('https://cadence.test/invitation#…');
      expect(`${row.textBody}${row.htmlBody}`).not.toMatch(/inv_[A-Za-z0-9_-]{20}/);
    }
  });
});

describe('password reset by email', () => {
  const ask = (email: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, headers });
  const complete = (token: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password },
    });

  it('answers the same for unknown addresses, emails known ones in their language, and ends every session', async () => {
    const before = await signIn(t, 'known@example.com');
    const other = await signIn(t, 'known@example.com');
    const unknown = await ask('nobody@example.com');
    const known = await ask('KNOWN@example.com', { host: 'evil.example' });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);

    const mails = await mailTo('known@example.com', 3);
    const mail = mails[2] as Received;
    expect(mail.language).toBe('fr');
    expect(mail.subject).toBe('Réinitialiser votre mot de passe Cadence');
    expect(mail.text).not.toContain('evil.example');
    const token = linkIn(mail, 'reset-password');
    expect(token).toMatch(/^rst_/);

    expect((await complete(token, 'short')).statusCode).toBe(400);
    expect((await complete(token, 'a brand new passphrase')).statusCode).toBe(204);
    for (const session of [before, other]) {
      expect((await call(t, session, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    }
    const reused = await complete(token, 'yet another passphrase');
    expect(reused.statusCode).toBe(404);
    expect(reused.json().error.details.reason).toBe('password_reset_invalid');
    await expect(signIn(t, 'known@example.com')).rejects.toThrow();
    await signIn(t, 'known@example.com', 'a brand new passphrase');
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox.some((m) => m.to === 'nobody@example.com')).toBe(false);
  });

  it('sends a person at most a few links an hour, and refuses a flood from one address', async () => {
    const sentBefore = inbox.filter((m) => m.to === owner.email).length;
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await ask(owner.email as string)).statusCode);
    expect(answers.every((s) => s === 202)).toBe(true);
    expect((await ask(owner.email as string)).statusCode).toBe(429);
    await until(
      () => inbox.filter((m) => m.to === owner.email).length >= sentBefore + PASSWORD_RESETS_PER_HOUR,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.filter((m) => m.to === owner.email).length).toBe(sentBefore + PASSWORD_RESETS_PER_HOUR);
  });
});
