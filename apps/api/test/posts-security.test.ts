// SECURITY.md items 1, 3, 5 and 6 on the post routes: object-level access across workspaces,
// refused mass assignment, declared roles, and bounded, validated input. Also lists and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createTestApp, type TestApp } from './helpers';
import {
  act,
  buildWorld,
  createChannel,
  createPost,
  daysAhead,
  type PostsWorld,
  postsUrl,
} from './posts-fixtures';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let w: PostsWorld;
let otherWs: string;
let otherChannel: string;
let otherPost: { id: string };
let otherCampaign: string;

async function createCampaign(ws: string) {
  const res = await call(t, w.owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/campaigns`,
    payload: { name: 'Spring', startsOn: '2027-03-01', endsOn: '2027-05-31', colour: '#336699' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  // The owner of the first workspace also owns a second one: ids from it must still not cross.
  otherWs = (await createWorkspace(t, w.owner, { timezone: 'America/New_York' })).id;
  otherChannel = await createChannel(t, w.owner, otherWs, 'Elsewhere');
  otherCampaign = await createCampaign(otherWs);
  const res = await call(t, w.owner, {
    method: 'POST',
    url: postsUrl(otherWs),
    payload: { text: 'Other workspace', targets: [{ channelId: otherChannel }] },
  });
  otherPost = res.json();
});
afterAll(async () => t.close());

describe('object-level access (API1)', () => {
  const routes: [string, string, Record<string, unknown> | undefined][] = [
    ['GET', '', undefined],
    ['PATCH', '', { version: 1, text: 'hijack' }],
    ['POST', '/submit', {}],
    ['POST', '/approve', { contentRevision: 1 }],
    ['POST', '/request-changes', { comment: 'x' }],
    ['POST', '/schedule', { local: daysAhead(5) }],
    ['POST', '/reschedule', { local: daysAhead(5) }],
    ['POST', '/unschedule', {}],
    ['POST', '/cancel', {}],
    ['GET', '/comments', undefined],
    ['POST', '/comments', { body: 'hello' }],
    ['GET', '/history', undefined],
  ];

  it.each(routes)(
    '%s posts/{id-from-another-workspace}%s answers 404 like a missing post',
    async (method, path, payload) => {
      const foreign = await call(t, w.owner, {
        method: method as 'GET',
        url: postsUrl(w.ws, `/${otherPost.id}${path}`),
        ...(payload ? { payload } : {}),
      });
      const missing = await call(t, w.owner, {
        method: method as 'GET',
        url: postsUrl(w.ws, `/00000000-0000-4000-8000-000000000000${path}`),
        ...(payload ? { payload } : {}),
      });
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(foreign.json().error.message).toBe(missing.json().error.message);
    },
  );

  it('refuses channels and campaigns of another workspace inside bodies with 404', async () => {
    const withChannel = await call(t, w.owner, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: { text: 'x', targets: [{ channelId: w.channels[0] }, { channelId: otherChannel }] },
    });
    expect(withChannel.statusCode).toBe(404);
    expect(withChannel.json().error.message).toBe('Channel not found');
    const withCampaign = await call(t, w.owner, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: { text: 'x', campaignId: otherCampaign, targets: [{ channelId: w.channels[0] }] },
    });
    expect(withCampaign.statusCode).toBe(404);

    const mine = await createPost(w, w.editor);
    for (const payload of [{ targets: [{ channelId: otherChannel }] }, { campaignId: otherCampaign }]) {
      const res = await call(t, w.editor, {
        method: 'PATCH',
        url: postsUrl(w.ws, `/${mine.id}`),
        payload: { version: mine.version, ...payload },
      });
      expect(res.statusCode).toBe(404);
    }
    const list = await call(t, w.owner, { method: 'GET', url: postsUrl(w.ws, '?limit=200') });
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(otherPost.id);
  });

  it('answers 404 to people who are not members of the workspace', async () => {
    const stranger = await addMember(t, w.owner, otherWs, 'owner');
    const mine = await createPost(w, w.editor);
    expect((await call(t, stranger, { method: 'GET', url: postsUrl(w.ws, `/${mine.id}`) })).statusCode).toBe(
      404,
    );
    expect((await call(t, stranger, { method: 'GET', url: postsUrl(w.ws) })).statusCode).toBe(404);
  });
});

describe('property-level access (API3): no mass assignment', () => {
  it.each([
    ['status', 'approved'],
    ['approvedBy', '00000000-0000-4000-8000-000000000001'],
    ['workspaceId', '00000000-0000-4000-8000-000000000001'],
    ['authorUserId', '00000000-0000-4000-8000-000000000001'],
    ['contentRevision', 9],
  ])('refuses %s on create and on update', async (field, value) => {
    const created = await call(t, w.editor, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: { text: 'x', targets: [{ channelId: w.channels[0] }], [field]: value },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0].field).toBe(`body.${field}`);
    const post = await createPost(w, w.editor);
    const updated = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { version: 1, [field]: value },
    });
    expect(updated.statusCode).toBe(400);
    expect(
      (await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${post.id}`) })).json().status,
    ).toBe('draft');
  });

  it('refuses unknown fields in transitions and targets', async () => {
    const post = await createPost(w, w.editor);
    expect((await act(w, w.editor, post.id, 'submit', { status: 'approved' })).statusCode).toBe(400);
    await act(w, w.editor, post.id, 'submit');
    expect(
      (await act(w, w.manager, post.id, 'approve', { contentRevision: 1, approvedBy: w.manager2.userId }))
        .statusCode,
    ).toBe(400);
    const res = await call(t, w.editor, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: { text: 'x', targets: [{ channelId: w.channels[0], status: 'published' }] },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('input bounds', () => {
  const create = (payload: Record<string, unknown>) =>
    call(t, w.editor, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: { text: 'x', targets: [{ channelId: w.channels[0] }], ...payload },
    });

  it('accepts https media with alt text and refuses other URLs', async () => {
    const ok = await create({
      media: [{ url: 'https://cdn.example.com/a.jpg', alt: 'A cat', kind: 'image' }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().media).toEqual([{ url: 'https://cdn.example.com/a.jpg', alt: 'A cat', kind: 'image' }]);
    for (const url of [
      'http://cdn.example.com/a.jpg',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://127.0.0.1/a.jpg',
    ]) {
      expect((await create({ media: [{ url, alt: '', kind: 'image' }] })).statusCode, url).toBe(400);
    }
    expect((await create({ link: 'javascript:alert(1)' })).statusCode).toBe(400);
  });

  it('bounds targets, texts and labels', async () => {
    expect((await create({ targets: [] })).statusCode).toBe(400);
    const twice = [{ channelId: w.channels[0] }, { channelId: w.channels[0] }];
    expect((await create({ targets: twice })).statusCode).toBe(400);
    const many = Array.from({ length: 21 }, (_, i) => ({
      channelId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    expect((await create({ targets: many })).statusCode).toBe(400);
    expect((await create({ text: 'x'.repeat(25_001) })).statusCode).toBe(400);
    expect((await create({ labels: Array.from({ length: 21 }, (_, i) => `l${i}`) })).statusCode).toBe(400);
    expect((await create({ pillarId: 'nope' })).statusCode).toBe(422);
  });
});

describe('function-level access (API5): declared roles', () => {
  it('declares the expected minimum role on every post route', () => {
    const declared = t.routes
      .filter(
        (r) =>
          typeof r.url === 'string' &&
          r.url.includes('/posts') &&
          !r.url.includes('/bulk') &&
          !r.url.includes('/import') &&
          !r.url.includes('/export'),
      )
      .map((r) => {
        const access = r.config?.access;
        return `${String(r.method)} ${r.url} ${typeof access === 'object' ? access.minRole + (access.humansOnly ? '+human' : '') : access}`;
      });
    const base = '/api/v1/workspaces/:workspaceId/posts';
    for (const expected of [
      `GET ${base} viewer`,
      `POST ${base} editor`,
      `GET ${base}/:postId viewer`,
      `PATCH ${base}/:postId editor`,
      `POST ${base}/:postId/submit editor`,
      `POST ${base}/:postId/approve manager+human`,
      `POST ${base}/:postId/request-changes manager`,
      `POST ${base}/:postId/schedule manager`,
      `POST ${base}/:postId/reschedule manager`,
      `POST ${base}/:postId/unschedule manager`,
      `POST ${base}/:postId/cancel manager`,
      `GET ${base}/:postId/comments viewer`,
      `POST ${base}/:postId/comments viewer`,
      `GET ${base}/:postId/history viewer`,
    ]) {
      expect(declared).toContain(expected);
    }
  });
});

describe('lists', () => {
  it('pages newest first and filters by status, channel, campaign and author', async () => {
    const campaign = await createCampaign(w.ws);
    const a = await createPost(w, w.editor, { labels: ['list'], campaignId: campaign });
    const b = await createPost(w, w.manager, { targets: [{ channelId: w.channels[1] }] });
    const c = await createPost(w, w.editor);
    await act(w, w.editor, c.id, 'submit');

    const page1 = (await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, '?limit=2') })).json();
    expect(page1.items.map((p: { id: string }) => p.id)).toEqual([c.id, b.id]);
    const page2 = (
      await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `?limit=2&cursor=${page1.nextCursor}`) })
    ).json();
    expect(page2.items[0].id).toBe(a.id);

    const ids = async (query: string) =>
      (await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `?limit=200&${query}`) }))
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await ids('status=in_review')).toContain(c.id);
    expect(await ids('status=in_review')).not.toContain(a.id);
    expect(await ids(`channelId=${w.channels[1]}`)).toEqual(expect.arrayContaining([b.id]));
    expect(await ids(`channelId=${w.channels[1]}`)).not.toContain(a.id);
    expect(await ids(`campaignId=${campaign}`)).toEqual([a.id]);
    expect(await ids(`authorUserId=${w.manager.userId}`)).toEqual([b.id]);
    expect(
      (await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, '?status=bogus') })).statusCode,
    ).toBe(400);
    expect((await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, '?limit=500') })).statusCode).toBe(
      400,
    );
  });

  it('lets viewers comment, shows the count on the post and pages the conversation', async () => {
    const post = await createPost(w, w.editor);
    for (const body of ['One', 'Two', 'Three']) {
      const res = await call(t, w.viewer, {
        method: 'POST',
        url: postsUrl(w.ws, `/${post.id}/comments`),
        payload: { body },
      });
      expect(res.statusCode).toBe(201);
    }
    expect(
      (await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${post.id}`) })).json().commentsCount,
    ).toBe(3);
    const first = (
      await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${post.id}/comments?limit=2`) })
    ).json();
    expect(first.items.map((c: { body: string }) => c.body)).toEqual(['One', 'Two']);
    const rest = (
      await call(t, w.viewer, {
        method: 'GET',
        url: postsUrl(w.ws, `/${post.id}/comments?limit=2&cursor=${first.nextCursor}`),
      })
    ).json();
    expect(rest.items.map((c: { body: string }) => c.body)).toEqual(['Three']);
    expect(rest.nextCursor).toBeNull();
  });
});
