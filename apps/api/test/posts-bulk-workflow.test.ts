// Bulk schedule and bulk approve (issue 18): many posts per request, a result per item with the
// status it would have had alone, the others unaffected by one that fails, and a retry with the
// same Idempotency-Key answered from the first request instead of applied twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import {
  approveWith,
  buildWorld,
  createPost,
  daysAhead,
  getPost,
  type PostsWorld,
  postsUrl,
} from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('bulk workflow', () => {
  it('approves several posts, reporting each one', async () => {
    const posts = [await createPost(w, w.editor), await createPost(w, w.editor)];
    for (const p of posts) {
      const res = await call(t, w.editor, {
        method: 'POST',
        url: postsUrl(w.ws, `/${p.id}/submit`),
        payload: {},
      });
      expect(res.statusCode).toBe(200);
    }
    const res = await call(t, w.manager, {
      method: 'POST',
      url: postsUrl(w.ws, '/bulk-approve'),
      payload: {
        items: [
          { postId: posts[0].id, contentRevision: 1 },
          { postId: posts[1].id, contentRevision: 7 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ succeeded: 1, failed: 1 });
    expect(body.results[0]).toMatchObject({ index: 0, status: 200, post: { status: 'approved' } });
    expect(body.results[1]).toMatchObject({ index: 1, postId: posts[1].id, status: 409 });
  });

  it('schedules many posts, one bad item failing alone, and replays on the same key', async () => {
    const posts = [];
    for (let i = 0; i < 5; i++)
      posts.push(await approveWith(w, (await createPost(w, w.editor)).id, [w.manager]));
    const items = posts.map((p, i) => ({ postId: p.id, local: daysAhead(2, `1${i}:00`), timezone: 'UTC' }));
    const request = {
      method: 'POST' as const,
      url: postsUrl(w.ws, '/bulk-schedule'),
      headers: { 'idempotency-key': 'bulk-schedule-1' },
      payload: { items: [...items, { postId: posts[0].id, local: 'not a time' }, { local: daysAhead(2) }] },
    };
    const first = await call(t, w.manager, request);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body).toMatchObject({ succeeded: 5, failed: 2 });
    expect(body.results.slice(0, 5).every((r: { status: number }) => r.status === 200)).toBe(true);
    expect(body.results[5].status).toBe(400);
    expect(body.results[5].error.message).toContain('body.items.5');
    expect(body.results[6]).toMatchObject({ postId: null, status: 400 });
    for (const p of posts) expect((await getPost(w, p.id)).status).toBe('scheduled');
    // The same request again: the first answer, not a second application (which would now be 409s).
    const again = await call(t, w.manager, request);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
  });

  it('is for managers only, and caps the request at 500 items naming the field', async () => {
    const byEditor = await call(t, w.editor, {
      method: 'POST',
      url: postsUrl(w.ws, '/bulk-schedule'),
      payload: { items: [{ postId: '00000000-0000-4000-8000-000000000000', publishNow: true }] },
    });
    expect(byEditor.statusCode).toBe(403);
    const tooMany = await call(t, w.manager, {
      method: 'POST',
      url: postsUrl(w.ws, '/bulk-schedule'),
      payload: { items: Array.from({ length: 501 }, () => ({})) },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain('items');
  });
});
