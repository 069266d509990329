// Issue 15: "posts are due and no publisher is running" reaches the owners even though the
// publisher, whose job runner normally sends notifications, is the thing that stopped: the API
// process's watch records it once per stall and per workspace that waits, puts it in the bell and
// sends the email through a real SMTP server (started here) in the owner's language.
import { postTargets, publisherHeartbeats } from '@cadence/db';
import { smtpMailer } from '@cadence/publisher/jobs/smtp-mailer';
import { eq } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPublisherOnce } from '../src/stall-watch';
import { call, createTestApp, type TestApp } from './helpers';
import { approveWith, buildWorld, createPost, daysAhead, type PostsWorld } from './posts-fixtures';
import { type Received, smtpPort, startSmtp, stopSmtp, until } from './support/test-smtp';

let t: TestApp;
let w: PostsWorld;
let smtp: SMTPServer;
const inbox: Received[] = [];
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  smtp = await startSmtp(0, inbox);
});
afterAll(async () => {
  await stopSmtp(smtp).catch(() => undefined);
  await t.close();
});

const watch = () =>
  watchPublisherOnce({
    db: t.ctx.database.db,
    config: { ...t.ctx.config, publicUrl: 'https://cadence.test' },
    clock: () => new Date(),
    mailer: smtpMailer(`smtp://127.0.0.1:${smtpPort(smtp)}`),
  });
const beat = (beatAt: Date) =>
  t.ctx.database.db
    .insert(publisherHeartbeats)
    .values({ workerId: 'w1', hostname: 'h', pid: 1, startedAt: minutesAgo(60), beatAt })
    .onConflictDoUpdate({ target: publisherHeartbeats.workerId, set: { beatAt } });

describe('a stalled publisher', () => {
  it('tells the owners once per stall, in the bell and by email, only when a post waits', async () => {
    await beat(minutesAgo(10));
    // Nothing is due yet: no news.
    expect(await watch()).toEqual({ recorded: 0, sent: 0 });

    const post = await createPost(w, w.editor, {
      text: 'En retard',
      requestedSchedule: { local: daysAhead(3) },
    });
    await approveWith(w, post.id, [w.manager]);
    await t.ctx.database.db
      .update(postTargets)
      .set({ scheduledAt: minutesAgo(5) })
      .where(eq(postTargets.postId, post.id));

    expect(await watch()).toEqual({ recorded: 1, sent: 1 });
    await until(() => inbox.length >= 1);
    expect(inbox[0]?.to).toContain(w.owner.email);
    expect(inbox[0]?.language).toBe('fr');
    expect(inbox[0]?.subject).toContain('aucun publieur ne tourne');
    const bell = (
      await call(t, w.owner, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/notifications` })
    ).json();
    expect(bell.items.map((n: { kind: string }) => n.kind)).toContain('publisher_stalled');
    // Managers and editors are not told (owners run the server).
    const manager = (
      await call(t, w.manager, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/notifications` })
    ).json();
    expect(manager.items.map((n: { kind: string }) => n.kind)).not.toContain('publisher_stalled');

    // The same stall is told once.
    expect(await watch()).toEqual({ recorded: 0, sent: 0 });
    expect(inbox).toHaveLength(1);

    // A publisher beating again: nothing to say, whatever waits.
    await beat(new Date());
    expect(await watch()).toEqual({ recorded: 0, sent: 0 });
  });
});
