// Issue 15: workflow events reach the right people in the app, by their preferences, and never
// anyone else's notifications. The fan-out runs as the job runner's task does (fanOutNotifications).
import { channelTokens, users } from '@cadence/db';
import { recordExpiringTokens } from '@cadence/domain/notifications/expiring-tokens';
import { fanOutNotifications } from '@cadence/domain/notifications/fan-out';
import { sendOutboxEmail } from '@cadence/domain/notifications/send-email';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, type TestApp } from './helpers';
import {
  act,
  approveWith,
  buildWorld,
  createChannel,
  createPost,
  daysAhead,
  type PostsWorld,
  postsUrl,
} from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
const fanOut = () =>
  fanOutNotifications({
    db: t.ctx.database.db,
    clock: () => new Date(),
    origin: 'https://cadence.test',
    mailDomain: 'cadence.test',
  });
const bell = async (who: Caller, ws = w.ws) => {
  const res = await call(t, who, { method: 'GET', url: `/api/v1/workspaces/${ws}/notifications` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    unread: number;
    items: {
      id: string;
      kind: string;
      path: string;
      params: Record<string, unknown>;
      actorName: string | null;
      readAt: string | null;
    }[];
  };
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await t.ctx.database.db
    .update(users)
    .set({ locale: 'fr' })
    .where(eq(users.id, w.editor.userId as string));
});
afterAll(async () => t.close());

describe('workflow notifications', () => {
  it('tells the approvers of a submission and the author of a request for changes, never the actor', async () => {
    const post = await createPost(w, w.editor, { text: 'Soldes d’hiver <b>demain</b>' });
    expect((await act(w, w.editor, post.id, 'submit', { version: 1 })).statusCode).toBe(200);
    expect(await fanOut()).toBeGreaterThan(0);

    for (const approver of [w.manager, w.manager2, w.owner]) {
      const mine = await bell(approver);
      expect(mine.unread).toBe(1);
      expect(mine.items[0]).toMatchObject({
        kind: 'post_submitted',
        path: `/review/${post.id}`,
        actorName: 'editor person',
        params: { excerpt: 'Soldes d’hiver <b>demain</b>' },
      });
    }
    expect((await bell(w.editor)).unread).toBe(0);
    expect((await bell(w.viewer)).unread).toBe(0);

    const asked = await act(w, w.manager, post.id, 'request-changes', { comment: 'Plus court' });
    expect(asked.statusCode, asked.body).toBe(200);
    await fanOut();
    const editor = await bell(w.editor);
    expect(editor.items.map((n) => n.kind)).toEqual(['changes_requested']);
    expect(editor.items[0]?.path).toBe(`/posts/${post.id}`);
    // Fanning out again changes nothing: each event once.
    await fanOut();
    expect((await bell(w.editor)).items).toHaveLength(1);
  });

  it('tells the author once when the approval also schedules the time they asked for', async () => {
    const post = await createPost(w, w.editor, {
      text: 'Une seule nouvelle',
      requestedSchedule: { local: daysAhead(6) },
    });
    const approved = await approveWith(w, post.id, [w.manager]);
    expect(approved.status).toBe('scheduled');
    await fanOut();
    const news = (await bell(w.editor)).items.filter((n) => n.path.includes(post.id));
    expect(news.map((n) => n.kind)).toEqual(['post_approved']);
  });

  it('marks one read, then all; nobody can mark another person’s', async () => {
    const before = await bell(w.manager);
    const id = before.items[0]?.id as string;
    const other = await call(t, w.editor, {
      method: 'POST',
      url: `/api/v1/workspaces/${w.ws}/notifications/read`,
      payload: { ids: [id] },
    });
    expect(other.json()).toEqual({ marked: 0 });
    expect((await bell(w.manager)).unread).toBe(before.unread);

    const one = await call(t, w.manager, {
      method: 'POST',
      url: `/api/v1/workspaces/${w.ws}/notifications/read`,
      payload: { ids: [id] },
    });
    expect(one.json()).toEqual({ marked: 1 });
    const all = await call(t, w.owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${w.ws}/notifications/read`,
      payload: {},
    });
    expect(all.statusCode).toBe(200);
    expect((await bell(w.owner)).unread).toBe(0);
    const bad = await call(t, w.owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${w.ws}/notifications/read`,
      payload: { ids: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('ids');
  });

  it('follows each member’s preferences: off, email only, and the digest', async () => {
    const set = (who: Caller, payload: object) =>
      call(t, who, { method: 'PUT', url: `/api/v1/workspaces/${w.ws}/notification-preferences`, payload });
    expect((await set(w.manager2, { kinds: { post_submitted: 'off' } })).statusCode).toBe(200);
    const emailOnly = await set(w.manager, { kinds: { post_submitted: 'email' } });
    expect(emailOnly.json().kinds.post_submitted).toBe('email');
    expect((await set(w.owner, { kinds: { post_submitted: 'loud' } })).statusCode).toBe(400);

    const unread = async (who: Caller) => (await bell(who)).unread;
    const [m1, m2] = [await unread(w.manager), await unread(w.manager2)];
    const post = await createPost(w, w.editor);
    await act(w, w.editor, post.id, 'submit', { version: 1 });
    await fanOut();
    expect(await unread(w.manager)).toBe(m1);
    expect(await unread(w.manager2)).toBe(m2);
    const outbox = await call(t, w.owner, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/email-outbox` });
    expect(outbox.statusCode).toBe(200);
    const toManager = outbox
      .json()
      .items.filter((e: { toAddress: string; topic: string }) => e.toAddress === w.manager.email);
    expect(toManager.map((e: { topic: string }) => e.topic)).toContain('post_submitted');
    expect(toManager.every((e: { toAddress: string }) => e.toAddress !== w.manager2.email)).toBe(true);
    // Without SMTP the email job keeps the email in the outbox (held), and nothing fails.
    const id = toManager[0].id as string;
    await expect(
      sendOutboxEmail({ db: t.ctx.database.db, clock: () => new Date(), mailer: null, from: 'x@y.z' }, id, {
        number: 1,
        last: false,
      }),
    ).resolves.toBe('held');
    const after = await call(t, w.owner, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/email-outbox` });
    expect(after.json().items.find((e: { id: string }) => e.id === id).status).toBe('held');
    // Only owners read the outbox.
    expect(
      (await call(t, w.manager, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/email-outbox` }))
        .statusCode,
    ).toBe(403);
  });

  it('tells the @mentioned member and the other participants of a comment', async () => {
    const post = await createPost(w, w.editor);
    await act(w, w.editor, post.id, 'submit', { version: 1 });
    await fanOut();
    const local = (w.viewer.email as string).split('@')[0];
    const res = await call(t, w.manager, {
      method: 'POST',
      url: postsUrl(w.ws, `/${post.id}/comments`),
      payload: { body: `Can you check this, @${local}?` },
    });
    expect(res.statusCode, res.body).toBe(201);
    await fanOut();
    expect((await bell(w.viewer)).items[0]).toMatchObject({ kind: 'mention', path: `/posts/${post.id}` });
    expect((await bell(w.editor)).items[0]).toMatchObject({ kind: 'comment' });
  });

  it('tells a member whose role changed, in their workspace only', async () => {
    const res = await call(t, w.owner, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${w.ws}/members/${w.viewer.userId}`,
      payload: { role: 'editor' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await fanOut();
    const viewer = await bell(w.viewer);
    expect(viewer.items[0]).toMatchObject({ kind: 'role_changed', params: { role: 'editor' } });
    // In another workspace the same person has none of these, and outsiders cannot look in.
    const made = await call(t, w.viewer, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: 'Elsewhere', timezone: 'Europe/Paris' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const ws2 = made.json().id as string;
    expect((await bell(w.viewer, ws2)).items).toEqual([]);
    const outsider = await call(t, w.editor, {
      method: 'GET',
      url: `/api/v1/workspaces/${ws2}/notifications`,
    });
    expect(outsider.statusCode).toBe(404);
  });
});

describe('channel connections about to expire', () => {
  it('tells managers and owners once about a long-lived token entering its last week, not about short-lived ones', async () => {
    const now = new Date();
    const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
    const [week, soon, later] = await Promise.all([
      createChannel(t, w.owner, w.ws, 'Expiring'),
      createChannel(t, w.owner, w.ws, 'Shortlived'),
      createChannel(t, w.owner, w.ws, 'Longlived'),
    ]);
    await t.ctx.database.db.insert(channelTokens).values([
      { channelId: week, accessExpiresAt: hours(72) },
      // Renewed by the publisher 15 minutes ahead: nothing to tell.
      { channelId: soon, accessExpiresAt: hours(2) },
      { channelId: later, accessExpiresAt: hours(30 * 24) },
    ]);
    expect(await recordExpiringTokens(t.ctx.database.db, now)).toBe(1);
    // The daily check asked again records nothing new.
    expect(await recordExpiringTokens(t.ctx.database.db, hours(1))).toBe(0);
    await fanOut();
    for (const who of [w.manager, w.owner]) {
      const items = (await bell(who)).items.filter((n) => n.kind === 'token_expiring');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ path: '/channels', params: { channel: 'Expiring' } });
    }
    expect((await bell(w.editor)).items.some((n) => n.kind === 'token_expiring')).toBe(false);
  });
});
