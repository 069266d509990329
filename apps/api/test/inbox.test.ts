// The inbox API (issue 16) through app.inject: list filters, both orders and keyset pages, the
// badge counts, triage (status, snooze, assignee with its notification), notes, the conversation,
// role checks, workspace isolation, and untrusted content returned as text with http(s) links only.
import { randomUUID } from 'node:crypto';
import { inboxItems, notificationEvents, posts, postTargets } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createChannel, type PostsWorld } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
const base = new Date('2026-11-20T10:00:00Z');
const url = (rest = '') => `/api/v1/workspaces/${w.ws}/inbox${rest}`;

async function seedItems(channelId: string, n: number, extra: Partial<typeof inboxItems.$inferInsert> = {}) {
  const rows = Array.from({ length: n }, (_, i) => ({
    workspaceId: w.ws,
    channelId,
    network: 'sandbox' as const,
    externalId: `${channelId}:${randomUUID()}`,
    kind: 'mention' as const,
    authorHandle: `fan${i}@example.social`,
    text: `Message ${i}`,
    createdAt: new Date(base.getTime() + i * 60_000),
    threadRootExternalId: `root-${randomUUID()}`,
    ...extra,
  }));
  return t.ctx.database.db.insert(inboxItems).values(rows).returning();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('inbox list', () => {
  let first: string;
  it('pages newest first with a stable keyset cursor, and oldest-waiting first', async () => {
    const items = await seedItems(w.channels[0] as string, 120);
    first = items[0]?.id as string;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(t, w.viewer, {
        method: 'GET',
        url: url(`/items?limit=50${cursor ? `&cursor=${cursor}` : ''}`),
      });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen.at(-1)).toBe(first);
    const oldest = await call(t, w.viewer, {
      method: 'GET',
      url: url('/items?order=oldest_waiting&limit=2'),
    });
    expect(oldest.json().items.map((i: { id: string }) => i.id)[0]).toBe(first);
  });

  it('filters by channel, network, status, assignee, our post and its campaign', async () => {
    const other = w.channels[1] as string;
    const campaign = await call(t, w.owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${w.ws}/campaigns`,
      payload: { name: 'Launch', colour: '#336699', startsOn: '2026-11-01', endsOn: '2026-12-31' },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const [post] = await t.ctx.database.db
      .insert(posts)
      .values({
        workspaceId: w.ws,
        text: 'Our launch post',
        status: 'published',
        campaignId: campaign.json().id,
      })
      .returning();
    const [target] = await t.ctx.database.db
      .insert(postTargets)
      .values({
        postId: post?.id as string,
        workspaceId: w.ws,
        channelId: other,
        network: 'sandbox',
        status: 'published',
        externalId: 'ours-1',
      })
      .returning();
    await seedItems(other, 3, {
      postId: post?.id,
      postTargetId: target?.id,
      threadRootExternalId: 'ours-1',
      kind: 'reply',
    });
    const get = async (q: string) => {
      const res = await call(t, w.viewer, { method: 'GET', url: url(`/items?${q}`) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { id: string; channelId: string; postId: string | null }[];
    };
    expect(await get(`channelId=${other}`)).toHaveLength(3);
    expect(await get(`postId=${post?.id}`)).toHaveLength(3);
    expect(await get(`campaignId=${campaign.json().id}`)).toHaveLength(3);
    expect(await get('network=mastodon')).toHaveLength(0);
    expect(await get('status=done')).toHaveLength(0);
    expect((await get('assignee=none&limit=100')).length).toBe(100);
    expect(await get('assignee=me')).toHaveLength(0);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    for (const [q, field] of [
      ['status=closed', 'querystring.status'],
      ['order=random', 'querystring.order'],
      ['cursor=nope', 'querystring.cursor'],
      ['limit=1000', 'querystring.limit'],
      ['assignee=someone', 'querystring.assignee'],
    ]) {
      const res = await call(t, w.viewer, { method: 'GET', url: url(`/items?${q}`) });
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().error.details), q).toContain(field);
    }
  });
});

describe('inbox triage', () => {
  let item: typeof inboxItems.$inferSelect;
  beforeAll(async () => {
    [item] = (await seedItems(w.channels[0] as string, 1, { text: '<b>hi</b> <script>x</script>' })) as [
      typeof inboxItems.$inferSelect,
    ];
  });
  const patch = (by: typeof w.owner, payload: Record<string, unknown>) =>
    call(t, by, { method: 'PATCH', url: url(`/items/${item.id}`), payload });

  it('moves status, records and clears the resolution time, and counts for the badge', async () => {
    const counts = async () => {
      const res = await call(t, w.viewer, { method: 'GET', url: url('/counts') });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const before = await counts();
    const done = await patch(w.editor, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done' });
    expect(done.json().resolvedAt).not.toBeNull();
    expect((await counts()).open).toBe(before.open - 1);
    const reopened = await patch(w.editor, { status: 'waiting' });
    expect(reopened.json()).toMatchObject({ status: 'waiting', resolvedAt: null });
    expect((await counts()).waiting).toBe(before.waiting + 1);
  });

  it('snoozes until a future instant only', async () => {
    const past = await patch(w.editor, { snoozedUntil: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].field).toBe('body.snoozedUntil');
    const until = new Date(Date.now() + 3600_000).toISOString();
    const ok = await patch(w.editor, { snoozedUntil: until });
    expect(ok.statusCode, ok.body).toBe(200);
    const snoozed = await call(t, w.viewer, { method: 'GET', url: url('/items?snoozed=true') });
    expect(snoozed.json().items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect((await patch(w.editor, { snoozedUntil: null })).json().snoozedUntil).toBeNull();
  });

  it('assigns to a member who can answer and tells them; refuses others', async () => {
    const res = await patch(w.manager, { assigneeUserId: w.editor.userId });
    expect(res.statusCode, res.body).toBe(200);
    const events = await t.ctx.database.db
      .select()
      .from(notificationEvents)
      .where(
        and(
          eq(notificationEvents.kind, 'inbox_assigned'),
          eq(notificationEvents.subjectUserId, w.editor.userId as string),
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0]?.params).toMatchObject({ itemId: item.id });
    const mine = await call(t, w.editor, { method: 'GET', url: url('/items?assignee=me') });
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    for (const who of [w.viewer.userId, randomUUID()]) {
      const refused = await patch(w.manager, { assigneeUserId: who });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].field).toBe('body.assigneeUserId');
    }
    expect((await patch(w.manager, { role: 'owner' })).statusCode).toBe(400);
    expect((await patch(w.manager, {})).statusCode).toBe(400);
  });

  it('viewers read but do not triage or write notes', async () => {
    expect((await patch(w.viewer, { status: 'done' })).statusCode).toBe(403);
    const note = await call(t, w.viewer, {
      method: 'POST',
      url: url(`/items/${item.id}/notes`),
      payload: { body: 'x' },
    });
    expect(note.statusCode).toBe(403);
  });

  it('keeps notes, and shows the conversation with the thread, as text with http(s) links only', async () => {
    const note = await call(t, w.editor, {
      method: 'POST',
      url: url(`/items/${item.id}/notes`),
      payload: { body: 'Known customer, answer kindly' },
    });
    expect(note.statusCode, note.body).toBe(201);
    await seedItems(w.channels[0] as string, 1, {
      threadRootExternalId: item.threadRootExternalId,
      link: 'javascript:alert(1)',
      authorAvatarUrl: 'data:image/png;base64,AAAA',
    });
    const res = await call(t, w.viewer, { method: 'GET', url: url(`/items/${item.id}`) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.item.text).toBe('<b>hi</b> <script>x</script>');
    expect(body.thread).toHaveLength(2);
    expect(body.thread[1]).toMatchObject({ link: null, author: { avatarUrl: null } });
    expect(body.notes).toMatchObject([
      { body: 'Known customer, answer kindly', authorUserId: w.editor.userId },
    ]);
    expect(res.headers['content-type']).toContain('application/json');
  });

  it("answers 404 for another workspace's item exactly as for a missing one", async () => {
    const created = await call(t, w.owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: 'Elsewhere', timezone: 'UTC' },
    });
    const other = { owner: w.owner, workspaceId: created.json().id as string };
    const channel = await createChannel(t, other.owner, other.workspaceId, 'Theirs');
    const [theirs] = await t.ctx.database.db
      .insert(inboxItems)
      .values({
        workspaceId: other.workspaceId,
        channelId: channel,
        network: 'sandbox',
        externalId: 'x',
        kind: 'mention',
        authorHandle: 'a',
        text: 'secret',
        createdAt: base,
        threadRootExternalId: 'x',
      })
      .returning();
    for (const id of [theirs?.id, randomUUID()]) {
      expect((await call(t, w.owner, { method: 'GET', url: url(`/items/${id}`) })).statusCode).toBe(404);
      const res = await call(t, w.owner, {
        method: 'PATCH',
        url: url(`/items/${id}`),
        payload: { status: 'done' },
      });
      expect(res.statusCode).toBe(404);
    }
    const list = await call(t, w.owner, { method: 'GET', url: url(`/items?channelId=${channel}`) });
    expect(list.json().items).toEqual([]);
  });
});
