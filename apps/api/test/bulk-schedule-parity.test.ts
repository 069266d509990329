// The set-based bulk schedule (issue 18) answers each item as its own call would have: two
// workspaces set up alike, one scheduling item by item through POST …/{postId}/schedule, the
// other through one bulk request; statuses, error codes and details, the posts as stored and their
// history must match, including a daily cap crossed by two items of the same batch.
import { notificationEvents, postEvents, posts } from '@cadence/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import {
  act,
  approveWith,
  buildWorld,
  createPost,
  daysAhead,
  getPost,
  type PostsWorld,
  postsUrl,
  saveCharter,
} from './posts-fixtures';

// One app per world: each database is set up once, by its own owner.
let single: TestApp;
let bulkApp: TestApp;
let one: Awaited<ReturnType<typeof prepare>>;
let bulk: Awaited<ReturnType<typeof prepare>>;
beforeAll(async () => {
  single = await createTestApp();
  bulkApp = await createTestApp();
  one = await prepare(single);
  bulk = await prepare(bulkApp);
}, 300_000);
afterAll(async () => {
  await single.close();
  await bulkApp.close();
});

const capDay = daysAhead(5, '').slice(0, 10);
const blackoutDay = daysAhead(6, '').slice(0, 10);
const UNKNOWN = '00000000-0000-4000-8000-0000000000aa';

/** The same posts and charter in a fresh workspace; returns the items to schedule. */
async function prepare(t: TestApp) {
  const w = await buildWorld(t);
  const approved = async (channel = 0) =>
    (
      await approveWith(
        w,
        (
          await createPost(w, w.editor, { targets: [{ channelId: w.channels[channel] }] })
        ).id,
        [w.manager],
      )
    ).id as string;
  const [already, first, second, stale, other, blackedOut] = [
    await approved(),
    await approved(),
    await approved(),
    await approved(),
    await approved(1),
    await approved(),
  ];
  const draft = (await createPost(w, w.editor)).id as string;
  await saveCharter(w, {
    maxPostsPerDay: { max: 2, severity: 'block' },
    blackoutDates: { dates: [{ from: blackoutDay, to: blackoutDay }], severity: 'block' },
  });
  const before = await act(w, w.manager, already, 'schedule', { local: `${capDay}T08:00`, timezone: 'UTC' });
  expect(before.statusCode, before.body).toBe(200);
  const items = [
    { postId: first, local: `${capDay}T10:00`, timezone: 'UTC' }, // the day's second: passes
    { postId: second, local: `${capDay}T11:00`, timezone: 'UTC' }, // third, counting the item above
    { postId: stale, local: `${capDay}T12:00`, timezone: 'UTC', version: 1 },
    { postId: draft, local: `${capDay}T12:00`, timezone: 'UTC' }, // needs approval
    { postId: other, local: '2030-03-31T02:30', timezone: 'Europe/Paris' }, // DST gap
    { postId: other, local: '2020-01-01T10:00', timezone: 'UTC' }, // past
    { postId: other, local: `${capDay}T11:00`, timezone: 'UTC' }, // other channel: passes
    { postId: first, local: `${capDay}T13:00`, timezone: 'UTC' }, // already scheduled above
    { postId: blackedOut, local: `${blackoutDay}T10:00`, timezone: 'UTC' }, // blackout
    { postId: UNKNOWN, local: `${capDay}T10:00`, timezone: 'UTC' },
    { postId: stale, local: 'not a time' },
  ];
  const ids = { [w.ws]: 'ws', [w.channels[0] as string]: 'ch0', [w.channels[1] as string]: 'ch1' };
  for (const [k, p] of [already, first, second, stale, other, blackedOut, draft].entries())
    ids[p] = `post${k}`;
  return { w, items, ids };
}

/** An answer with this world's ids replaced by names, so two worlds compare. */
function neutral(value: unknown, ids: Record<string, string>): unknown {
  let text = JSON.stringify(value);
  for (const [id, name] of Object.entries(ids)) text = text.replaceAll(id, name);
  return JSON.parse(text);
}

async function stored(w: PostsWorld, ids: Record<string, string>) {
  const { db } = w.t.ctx.database;
  const rows = await db
    .select({
      id: posts.id,
      status: posts.status,
      version: posts.version,
      at: posts.scheduledAt,
      v: posts.violations,
    })
    .from(posts)
    .where(eq(posts.workspaceId, w.ws))
    .orderBy(asc(posts.createdAt));
  const events = await db
    .select({ postId: postEvents.postId, action: postEvents.action, details: postEvents.details })
    .from(postEvents)
    .where(eq(postEvents.workspaceId, w.ws))
    .orderBy(asc(postEvents.seq));
  const notified = await db
    .select({ kind: notificationEvents.kind, postId: notificationEvents.postId })
    .from(notificationEvents)
    .where(eq(notificationEvents.workspaceId, w.ws))
    .orderBy(asc(notificationEvents.createdAt));
  const targets = await Promise.all(
    rows.map(async (r) =>
      (await getPost(w, r.id)).targets.map((x: Record<string, unknown>) => [
        x.channelId,
        x.status,
        x.scheduledAt,
      ]),
    ),
  );
  const named = neutral({ rows, events, targets, notified }, ids) as {
    events: { postId: string }[];
    notified: { postId: string; kind: string }[];
  };
  named.notified.sort((a, b) => `${a.postId}${a.kind}`.localeCompare(`${b.postId}${b.kind}`));
  // Each post's history in its order; posts by name (ids differ between the worlds).
  named.events.sort((a, b) => a.postId.localeCompare(b.postId));
  return named;
}

// A bad body is named where it sits (body.local alone, body.items.10.local in bulk): its code
// must match, its field path cannot.
const fieldless = (status: number, details: unknown) => (status === 400 ? 'field problems' : details);

interface BulkResult {
  status: number;
  post?: { status: string; version: number };
  error?: { code: string; details?: unknown };
}

describe('bulk schedule, item by item the same as single calls', () => {
  it('gives every item the answer, the stored post and the history its own call would have', async () => {
    const singles = [];
    for (const { postId, ...body } of one.items) {
      const res = await act(one.w, one.w.manager, postId, 'schedule', body);
      const json = res.json();
      singles.push({
        status: res.statusCode,
        ...(res.statusCode === 200
          ? { post: { status: json.status, version: json.version } }
          : { code: json.error.code, details: fieldless(res.statusCode, json.error.details) }),
      });
    }

    const res = await call(bulkApp, bulk.w.manager, {
      method: 'POST',
      url: postsUrl(bulk.w.ws, '/bulk-schedule'),
      headers: { 'idempotency-key': 'parity-1' },
      payload: { items: bulk.items },
    });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    const bulked = answer.results.map((r: BulkResult) => ({
      status: r.status,
      ...(r.status === 200
        ? { post: { status: r.post?.status, version: r.post?.version } }
        : { code: r.error?.code, details: fieldless(r.status, r.error?.details) }),
    }));
    expect(neutral(bulked, bulk.ids)).toEqual(neutral(singles, one.ids));
    expect(bulked.map((r: { status: number }) => r.status)).toEqual([
      200, 422, 409, 409, 422, 422, 200, 409, 422, 404, 400,
    ]);
    expect(await stored(bulk.w, bulk.ids)).toEqual(await stored(one.w, one.ids));

    // The same key again: the first answer, nothing applied twice.
    const history = await stored(bulk.w, bulk.ids);
    const again = await call(bulkApp, bulk.w.manager, {
      method: 'POST',
      url: postsUrl(bulk.w.ws, '/bulk-schedule'),
      headers: { 'idempotency-key': 'parity-1' },
      payload: { items: bulk.items },
    });
    expect(again.json()).toEqual(answer);
    expect(await stored(bulk.w, bulk.ids)).toEqual(history);
  }, 120_000);

  it('refuses a role that may not schedule, as the single call does', async () => {
    const { w } = bulk;
    const postId = (await approveWith(w, (await createPost(w, w.editor)).id, [w.manager])).id as string;
    const body = { local: `${capDay}T15:00`, timezone: 'UTC' };
    const alone = await act(w, w.editor, postId, 'schedule', body);
    const many = await call(w.t, w.editor, {
      method: 'POST',
      url: postsUrl(w.ws, '/bulk-schedule'),
      payload: { items: [{ postId, ...body }] },
    });
    expect([alone.statusCode, many.statusCode]).toEqual([403, 403]);
    expect(many.json().error.code).toBe(alone.json().error.code);
    expect((await getPost(w, postId)).status).toBe('approved');
  });
});
