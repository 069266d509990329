// Full control of a post from the calendar card, the post page and the composer: propose or clear a
// time, delete (audited, by the rules of post-permissions.ts), duplicate.
import { postTargets } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import {
  act,
  approveWith,
  buildWorld,
  createChannel,
  createPost,
  daysAhead,
  getPost,
  type PostsWorld,
  postsUrl,
  saveCharter,
} from './posts-fixtures';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let w: PostsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => t.close());

const patch = (by: PostsWorld['editor'], id: string, payload: Record<string, unknown>) =>
  call(t, by, { method: 'PATCH', url: postsUrl(w.ws, `/${id}`), payload });
const remove = (by: PostsWorld['editor'], id: string, version?: number) =>
  call(t, by, {
    method: 'DELETE',
    url: postsUrl(w.ws, `/${id}`),
    ...(version ? { headers: { 'if-match': `"${version}"` } } : {}),
  });
const calendarIds = async (from: string, to: string) =>
  (
    await call(t, w.viewer, {
      method: 'GET',
      url: `/api/v1/workspaces/${w.ws}/calendar?from=${from}&to=${to}`,
    })
  )
    .json()
    .items.map((e: { id: string }) => e.id);

describe('a proposed time', () => {
  it('is set and cleared by an editor on a draft, keeps approvals, and shows on the calendar', async () => {
    const draft = await createPost(w, w.editor);
    const local = daysAhead(5, '10:00');
    const day = local.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const proposed = await patch(w.editor, draft.id, {
      version: draft.version,
      requestedSchedule: { local },
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({
      status: 'draft',
      contentRevision: draft.contentRevision,
      schedule: { local, timezone: 'Europe/Paris' },
    });
    expect(await calendarIds(day, next)).toContain(draft.id);

    const cleared = await patch(w.editor, draft.id, {
      version: proposed.json().version,
      requestedSchedule: null,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().schedule).toBeNull();
    expect(await calendarIds(day, next)).not.toContain(draft.id);
  });

  it('is refused on a scheduled post (reschedule moves it) and in the past, naming the reason', async () => {
    const post = await approveWith(w, (await createPost(w, w.editor)).id, [w.manager]);
    const scheduled = await act(w, w.manager, post.id, 'schedule', { local: daysAhead(3) });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const refused = await patch(w.manager, post.id, {
      version: scheduled.json().version,
      requestedSchedule: { local: daysAhead(4) },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ field: 'body.requestedSchedule' });

    const draft = await createPost(w, w.editor);
    const past = await patch(w.editor, draft.id, {
      version: draft.version,
      requestedSchedule: { local: '2020-01-01T10:00' },
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.details).toMatchObject({ reason: 'in_the_past' });
  });
});

describe('DELETE /posts/:id', () => {
  it('lets an editor delete their own draft, audited, and then answers 404', async () => {
    const draft = await createPost(w, w.editor, { text: 'Brouillon à jeter' });
    const res = await remove(w.editor, draft.id, draft.version);
    expect(res.statusCode, res.body).toBe(204);
    expect((await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${draft.id}`) })).statusCode).toBe(
      404,
    );
    const audit = await call(t, w.owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${w.ws}/audit-events?limit=20`,
    });
    const entry = audit
      .json()
      .items.find((e: { action: string; entityId: string }) => e.action === 'post.deleted');
    expect(entry).toMatchObject({
      entityType: 'post',
      entityId: draft.id,
      actorUserId: w.editor.userId,
      before: { status: 'draft', text: 'Brouillon à jeter', channels: [w.channels[0]] },
    });
  });

  it("refuses an editor someone else's post, a viewer, and a stale version", async () => {
    const managers = await createPost(w, w.manager);
    const byEditor = await remove(w.editor, managers.id);
    expect(byEditor.statusCode).toBe(403);
    const mine = await createPost(w, w.editor);
    expect((await remove(w.viewer, mine.id)).statusCode).toBe(403);
    const stale = await remove(w.editor, mine.id, mine.version + 1);
    expect(stale.statusCode).toBe(409);
    expect((await getPost(w, mine.id)).id).toBe(mine.id);
  });

  it('lets a manager delete a scheduled post: it leaves the calendar', async () => {
    const post = await approveWith(w, (await createPost(w, w.editor)).id, [w.manager]);
    const local = daysAhead(6);
    expect((await act(w, w.manager, post.id, 'schedule', { local })).statusCode).toBe(200);
    // An editor may not throw away approved, scheduled work.
    expect((await remove(w.editor, post.id)).statusCode).toBe(409);
    expect((await remove(w.manager, post.id)).statusCode).toBe(204);
    const day = local.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await calendarIds(day, next)).not.toContain(post.id);
  });

  it('refuses a post that went out, for everyone: it is the record of what was said', async () => {
    const post = await createPost(w, w.manager);
    await t.ctx.database.db
      .update(postTargets)
      .set({ status: 'published' })
      .where(eq(postTargets.postId, post.id));
    const res = await remove(w.owner, post.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'sent' });
  });

  it('answers 404 for a post of another workspace, as for a missing one', async () => {
    const other = (await createWorkspace(t, w.owner, { locale: 'en' })).id;
    const channel = await createChannel(t, w.owner, other, 'Elsewhere');
    const theirs = await call(t, w.owner, {
      method: 'POST',
      url: postsUrl(other),
      payload: { text: 'Not yours', targets: [{ channelId: channel }] },
    });
    const res = await remove(w.owner, theirs.json().id);
    expect(res.statusCode).toBe(404);
    const still = await call(t, w.owner, { method: 'GET', url: postsUrl(other, `/${theirs.json().id}`) });
    expect(still.statusCode).toBe(200);
  });
});

describe('POST /posts/:id/duplicate', () => {
  it('makes a new undated draft by the caller with the same content and channels', async () => {
    const source = await createPost(w, w.manager, {
      text: 'Original',
      labels: ['été'],
      targets: [{ channelId: w.channels[0] }, { channelId: w.channels[1], text: 'Version deux' }],
      requestedSchedule: { local: daysAhead(8) },
    });
    const res = await call(t, w.editor, { method: 'POST', url: postsUrl(w.ws, `/${source.id}/duplicate`) });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({
      status: 'draft',
      text: 'Original',
      labels: ['été'],
      schedule: null,
      author: { userId: w.editor.userId },
    });
    const texts = Object.fromEntries(
      copy.targets.map((x: { channelId: string; text: string | null }) => [x.channelId, x.text]),
    );
    expect(texts).toEqual({ [w.channels[0] as string]: null, [w.channels[1] as string]: 'Version deux' });
    expect(
      (await call(t, w.viewer, { method: 'POST', url: postsUrl(w.ws, `/${source.id}/duplicate`) }))
        .statusCode,
    ).toBe(403);
  });

  it('copies a post whose pillar the charter no longer defines, without the pillar', async () => {
    await saveCharter(w, { pillars: [{ id: 'gone', name: 'Gone', colour: '#112233', targetShare: 0.2 }] });
    const source = await createPost(w, w.manager, { text: 'Pilier retiré', pillarId: 'gone' });
    await saveCharter(w, { pillars: [] });
    const res = await call(t, w.editor, { method: 'POST', url: postsUrl(w.ws, `/${source.id}/duplicate`) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ text: 'Pilier retiré', pillarId: null });
    expect((await getPost(w, source.id)).pillarId).toBe('gone');
  });
});

describe('the edit history', () => {
  it('names only the fields an edit changed, though the composer sends the whole form', async () => {
    const draft = await createPost(w, w.editor, { text: 'Avant', labels: ['a'] });
    const res = await patch(w.editor, draft.id, {
      version: draft.version,
      text: 'Après',
      media: [],
      labels: ['a'],
      campaignId: null,
      pillarId: null,
      targets: [{ channelId: w.channels[0] }],
      requestedSchedule: { local: daysAhead(4) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const history = await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${draft.id}/history`) });
    const edited = history.json().items.find((e: { action: string }) => e.action === 'edited');
    expect(edited.details.fields).toEqual(['text', 'requestedSchedule']);
  });
});
