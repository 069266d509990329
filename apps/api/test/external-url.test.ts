// A link stored before links were checked (or by any path that forgets to) never leaves the API
// as anything but http(s): the post view and both export formats drop it (issue 10, finding 10).
import { postTargets } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createPost, type PostsWorld, postsUrl } from './posts-fixtures';

const HOSTILE = 'javascript:alert(document.cookie)';
let t: TestApp;
let w: PostsWorld;
let postId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  postId = (await createPost(w, w.editor)).id;
  await t.ctx.database.db
    .update(postTargets)
    .set({
      status: 'published',
      externalId: 'net-1',
      externalUrl: HOSTILE,
      scheduledAt: new Date('2026-07-01T08:00:00Z'),
      publishedAt: new Date('2026-07-01T08:00:00Z'),
    })
    .where(eq(postTargets.postId, postId));
});
afterAll(() => t.close());

describe('links of published posts', () => {
  it('are left out of the post view when they are not http(s)', async () => {
    const res = await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${postId}`) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets[0]).toMatchObject({ externalId: 'net-1', externalUrl: null });
    expect(res.body).not.toContain('javascript:');
  });

  it.each(['json', 'csv'])('are left out of the %s export', async (format) => {
    const res = await call(t, w.viewer, {
      method: 'GET',
      url: postsUrl(w.ws, `/export?from=2026-07-01&to=2026-07-02&format=${format}`),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Hello from Cadence');
    expect(res.body).not.toContain('javascript:');
  });
});
