// Saved replies (issue 16) through the API: viewers read, editors write; a body is checked
// against the charter when saved (422 with the violations, like a refused reply); sizes bounded;
// at most 200 per workspace even under concurrent creates; another workspace's reply is a 404;
// an edit from a stale version is a 409.
import { inboxSavedReplies } from '@cadence/db';
import { MAX_SAVED_REPLIES_PER_WORKSPACE } from '@cadence/domain/inbox/saved-reply-schemas';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld, saveCharter } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
/** A second workspace of the same owner: the id of one workspace's reply must not work through it. */
let other: { ws: string; owner: Caller };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const created = await call(t, w.owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Elsewhere', timezone: 'UTC' },
  });
  other = { ws: created.json().id as string, owner: w.owner };
  await saveCharter(w, {
    bannedPhrases: { phrases: ['cheap'], severity: 'block' },
    forbiddenHashtags: { tags: ['ad'], severity: 'warn' },
  });
});
afterAll(() => t.close());

const url = (ws: string, id = '') => `/api/v1/workspaces/${ws}/inbox/saved-replies${id ? `/${id}` : ''}`;
const create = (by: Caller, payload: Record<string, unknown>, ws = w.ws) =>
  call(t, by, { method: 'POST', url: url(ws), payload });
const rowsOf = (ws: string) =>
  t.ctx.database.db.select().from(inboxSavedReplies).where(eq(inboxSavedReplies.workspaceId, ws));

describe('saved replies', () => {
  it('lets an editor save one with variables and a viewer read it, with the charter warnings', async () => {
    const res = await create(w.editor, { title: '  Opening hours ', body: 'Hi {author}, we open at 9 #ad' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ title: 'Opening hours', body: 'Hi {author}, we open at 9 #ad' });
    expect(res.json().warnings.map((v: { rule: string }) => v.rule)).toEqual(['forbiddenHashtags']);
    const list = await call(t, w.viewer, { method: 'GET', url: url(w.ws) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: res.json().id, title: 'Opening hours' }),
    ]);
  });

  it('refuses a banned phrase with 422 naming the violation, and saves nothing', async () => {
    const before = (await rowsOf(w.ws)).length;
    const res = await create(w.editor, { title: 'Deal', body: 'It is cheap, {author}!' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toMatchObject({
      field: 'body.body',
      violations: [expect.objectContaining({ rule: 'bannedPhrases', severity: 'block' })],
    });
    expect(await rowsOf(w.ws)).toHaveLength(before);
  });

  it('refuses viewers, empty and oversized fields, and unknown fields with 4xx naming the field', async () => {
    expect((await create(w.viewer, { title: 'A', body: 'B' })).statusCode).toBe(403);
    for (const payload of [
      { title: '', body: 'B' },
      { title: 'x'.repeat(121), body: 'B' },
      { title: 'A', body: 'x'.repeat(2001) },
      { title: 'A', body: '   ' },
      { title: 'A', body: 'B', workspaceId: w.ws },
    ]) {
      const res = await create(w.editor, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const long = await create(w.editor, { title: 'x'.repeat(120), body: 'y'.repeat(2000) });
    expect(long.statusCode, long.body).toBe(201);
  });

  it('edits from the version read, 409 from a stale one, and re-checks the charter', async () => {
    const made = (await create(w.editor, { title: 'Thanks', body: 'Thank you {author}' })).json();
    const edit = (payload: Record<string, unknown>, ws = w.ws, by = w.editor) =>
      call(t, by, { method: 'PUT', url: url(ws, made.id), payload });
    const ok = await edit({ title: 'Thanks!', body: 'Thank you, {author}', updatedAt: made.updatedAt });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().title).toBe('Thanks!');
    const stale = await edit({ title: 'Lost', body: 'Lost edit', updatedAt: made.updatedAt });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.details.current.title).toBe('Thanks!');
    const banned = await edit({ title: 'T', body: 'cheap', updatedAt: ok.json().updatedAt });
    expect(banned.statusCode).toBe(422);
    expect(
      (await edit({ title: 'T', body: 'B', updatedAt: ok.json().updatedAt }, w.ws, w.viewer)).statusCode,
    ).toBe(403);
  });

  it('answers 404 for another workspace, whether reading through it, editing or deleting', async () => {
    const made = (await create(w.editor, { title: 'Ours', body: 'Ours' })).json();
    const put = await call(t, other.owner, {
      method: 'PUT',
      url: url(other.ws, made.id),
      payload: { title: 'Theirs', body: 'Theirs', updatedAt: made.updatedAt },
    });
    expect(put.statusCode).toBe(404);
    expect((await call(t, other.owner, { method: 'DELETE', url: url(other.ws, made.id) })).statusCode).toBe(
      404,
    );
    expect((await call(t, w.editor, { method: 'GET', url: url(other.ws) })).statusCode).toBe(404);
    const theirs = (await call(t, other.owner, { method: 'GET', url: url(other.ws) })).json().items;
    expect(theirs.map((r: { id: string }) => r.id)).not.toContain(made.id);
    expect((await call(t, w.editor, { method: 'DELETE', url: url(w.ws, made.id) })).statusCode).toBe(204);
    expect((await call(t, w.editor, { method: 'DELETE', url: url(w.ws, made.id) })).statusCode).toBe(404);
  });

  it(`holds the cap of ${MAX_SAVED_REPLIES_PER_WORKSPACE} per workspace under concurrent creates`, async () => {
    const have = (await rowsOf(other.ws)).length;
    await t.ctx.database.db.insert(inboxSavedReplies).values(
      Array.from({ length: MAX_SAVED_REPLIES_PER_WORKSPACE - 2 - have }, (_, i) => ({
        workspaceId: other.ws,
        name: `Reply ${i}`,
        body: 'Hello',
      })),
    );
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => create(other.owner, { title: `Last ${i}`, body: 'Hi' }, other.ws)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 422, 422]);
    const refused = results.find((r) => r.statusCode === 422);
    expect(refused?.json().error).toMatchObject({ code: 'limit_reached', details: { max: 200 } });
    expect(await rowsOf(other.ws)).toHaveLength(MAX_SAVED_REPLIES_PER_WORKSPACE);
    const list = await call(t, other.owner, { method: 'GET', url: url(other.ws) });
    expect(list.json().items).toHaveLength(MAX_SAVED_REPLIES_PER_WORKSPACE);
  });
});
