// Issue 17, item 3: the weekly report by email through a real SMTP server (smtp-server, started
// here) from the shared job runner: only to the members who asked for it, each in their language,
// HTML and text, with the figures of the last seven days counted here independently, a link to
// the printable Reports page for that week, and once a week.
import { postTargets, users } from '@cadence/db';
import { lastWeekOf } from '@cadence/domain/reports/weekly-report';
import { createJobRunner, type JobRunner } from '@cadence/jobs';
import { registerNotifications } from '@cadence/publisher/jobs/notifications';
import { eq, inArray } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createPost, type PostsWorld } from './posts-fixtures';
import { type Received, smtpPort, startSmtp, stopSmtp, until } from './support/test-smtp';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let t: TestApp;
let w: PostsWorld;
let smtp: SMTPServer;
let runner: JobRunner;
const inbox: Received[] = [];
const weekly = () => inbox.filter((m) => m.text.includes('/reports?from='));

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const db = t.ctx.database.db;
  await db
    .update(users)
    .set({ locale: 'fr' })
    .where(eq(users.id, w.editor.userId as string));
  smtp = await startSmtp(0, inbox);
  runner = createJobRunner({ db, workerId: 'weekly-test', logger: silent, options: { pollEveryMs: 50 } });
  registerNotifications(runner, {
    db,
    config: {
      ...t.ctx.config,
      publicUrl: 'https://cadence.test',
      mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort(smtp)}`, from: 'Cadence <cadence@cadence.test>' },
    },
    clock: () => new Date(),
    logger: silent,
    emailBackoff: { baseMs: 200, maxMs: 1_000 },
  });
});
afterAll(async () => {
  await runner.stop(2_000);
  await stopSmtp(smtp).catch(() => undefined);
  await t.close();
});

describe('the weekly report by email', () => {
  it('goes to those who asked for it, in their language, with last week’s figures, once a week', async () => {
    const db = t.ctx.database.db;
    // Three posts three days ago: one published on time, one five minutes late, one failed.
    const at = new Date(Date.now() - 3 * 86_400_000);
    const posts = [
      await createPost(w, w.editor),
      await createPost(w, w.editor),
      await createPost(w, w.editor),
    ];
    const outcomes = [
      { status: 'published' as const, publishedAt: new Date(at.getTime() + 20_000) },
      { status: 'published' as const, publishedAt: new Date(at.getTime() + 300_000) },
      { status: 'failed' as const, publishedAt: null },
    ];
    for (const [i, post] of posts.entries())
      await db
        .update(postTargets)
        .set({ scheduledAt: at, ...outcomes[i] })
        .where(inArray(postTargets.postId, [post.id]));

    for (const who of [w.manager, w.editor]) {
      const res = await call(t, who, {
        method: 'PUT',
        url: `/api/v1/workspaces/${w.ws}/notification-preferences`,
        payload: { weeklyReport: true },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().weeklyReport).toBe(true);
    }
    runner.start();
    await until(() => weekly().length >= 2);
    expect(
      weekly()
        .map((m) => m.to)
        .sort(),
    ).toEqual([w.editor.email, w.manager.email].map(String).sort());

    const { from, to } = lastWeekOf(new Date(), 'Europe/Paris');
    const toManager = weekly().find((m) => m.to === w.manager.email) as Received;
    expect(toManager.language).toBe('en');
    expect(toManager.subject).toContain('Your weekly report for');
    expect(toManager.text).toContain('Planned: 3\n');
    expect(toManager.text).toContain('Published: 2\n');
    expect(toManager.text).toContain('On time (within a minute): 1\n');
    expect(toManager.text).toContain('Failed: 1\n');
    expect(toManager.text).toContain(`https://cadence.test/reports?from=${from}&to=${to}`);
    expect(toManager.html).toContain(`href="https://cadence.test/reports?from=${from}&amp;to=${to}"`);
    expect(toManager.html).toContain('<strong>3</strong>');
    expect(toManager.text).toContain('https://cadence.test/settings/notifications');

    const toEditor = weekly().find((m) => m.to === w.editor.email) as Received;
    expect(toEditor.language).toBe('fr');
    expect(toEditor.subject).toContain('Votre rapport de la semaine pour');
    expect(toEditor.text).toContain('Prévues\u00a0: 3\n');
    expect(toEditor.text).toContain('Publiées\u00a0: 2\n');

    // Nobody else asked; and a second check the same week sends nothing more.
    await runner.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(weekly()).toHaveLength(2);
  });
});
