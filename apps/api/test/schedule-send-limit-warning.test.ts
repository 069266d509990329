// A schedule a channel's send limit cannot meet on time (issue 18): the schedule is kept and its
// answer warns how many posts are in the backlog and how long they take to leave at the limit;
// a channel without a limit, or a post within the limit, gets no warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { approveWith, buildWorld, createPost, daysAhead, type PostsWorld, postsUrl } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function slowChannel() {
  const res = await call(t, w.owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${w.ws}/channels`,
    payload: {
      network: 'sandbox',
      displayName: 'Slow',
      handle: '@slow',
      sendLimit: { max: 2, perSeconds: 60 },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('send limit warnings', () => {
  it('warns, per item, when posts due together exceed the channel limit', async () => {
    const channelId = await slowChannel();
    const posts = [];
    // The second target is on a sandbox channel without a limit: no warning names it.
    for (let i = 0; i < 5; i++) {
      const post = await createPost(w, w.editor, { targets: [{ channelId }, { channelId: w.channels[0] }] });
      posts.push(await approveWith(w, post.id, [w.manager]));
    }
    const local = daysAhead(2, '10:00');
    const res = await call(t, w.manager, {
      method: 'POST',
      url: postsUrl(w.ws, '/bulk-schedule'),
      payload: { items: posts.map((p) => ({ postId: p.id, local, timezone: 'UTC' })) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as { status: number; post: { sendLimitWarnings?: unknown[] } }[];
    expect(
      results.map((r) => r.status),
      res.body,
    ).toEqual([200, 200, 200, 200, 200]);
    // Items run a few at a time, so which ones saw the backlog depends on their order; at least the
    // last to commit saw 3 or more due in one minute at 2 per minute.
    const warned = results.flatMap((r) => r.post.sendLimitWarnings ?? []);
    expect(warned.length).toBeGreaterThan(0);
    expect(warned[0]).toMatchObject({
      code: 'send_limit_backlog',
      channelId,
      limit: { max: 2, perSeconds: 60 },
    });

    // One post moved on its own to the same minute joins the backlog: the single endpoint says so too.
    const sixth = await approveWith(w, (await createPost(w, w.editor, { targets: [{ channelId }] })).id, [
      w.manager,
    ]);
    const single = await call(t, w.manager, {
      method: 'POST',
      url: postsUrl(w.ws, `/${sixth.id}/schedule`),
      payload: { local, timezone: 'UTC' },
    });
    expect(single.statusCode, single.body).toBe(200);
    // 6 due in one minute at 2 per minute: the last leaves in the third minute.
    expect(single.json().sendLimitWarnings).toEqual([
      {
        code: 'send_limit_backlog',
        channelId,
        posts: 6,
        seconds: 180,
        limit: { max: 2, perSeconds: 60 },
        message: "These 6 posts will take 3 min to leave at this channel's limit (2 per 60 s)",
      },
    ]);
  });
});
