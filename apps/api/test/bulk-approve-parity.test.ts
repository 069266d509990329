// The set-based bulk approve (issue 18, decision 0309) answers each item as its own call would
// have: two workspaces set up alike, one approving item by item through POST …/{postId}/approve,
// the other through one bulk request; statuses, error codes and details, the posts as stored,
// their approvals and their history must match. Covers the four-eyes rule, a second item on the
// same post, a charter block, and requested times applied on approval (one of them refused by a
// daily cap that an earlier item of the same batch filled).
import { notificationEvents, postApprovals, postEvents, posts } from '@cadence/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { createWorkspace } from './support/fixtures';
import {
  act,
  buildWorld,
  createChannel,
  createPost,
  daysAhead,
  getPost,
  type PostsWorld,
  postsUrl,
  saveCharter,
} from './posts-fixtures';

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
const UNKNOWN = '00000000-0000-4000-8000-0000000000aa';

/** The same posts and charter in a fresh workspace; returns the items to approve. */
async function prepare(t: TestApp) {
  const w = await buildWorld(t);
  const submitted = async (body: Record<string, unknown> = {}) => {
    const post = await createPost(w, w.editor, body);
    const res = await act(w, w.editor, post.id, 'submit');
    expect(res.statusCode, res.body).toBe(200);
    return post.id as string;
  };
  const plain = await submitted();
  const twice = await submitted();
  const stale = await submitted();
  const otherRevision = await submitted();
  const banned = await submitted({ text: 'A forbidden word here' });
  const timedFirst = await submitted({ requestedSchedule: { local: `${capDay}T09:00`, timezone: 'UTC' } });
  const timedCapped = await submitted({ requestedSchedule: { local: `${capDay}T10:00`, timezone: 'UTC' } });
  const timedOtherChannel = await submitted({
    targets: [{ channelId: w.channels[1] }],
    requestedSchedule: { local: `${capDay}T10:00`, timezone: 'UTC' },
  });
  const draft = (await createPost(w, w.editor)).id as string;
  // The manager rewrote this one: four eyes forbid them to approve it.
  const rewritten = (await createPost(w, w.editor)).id as string;
  const edit = await call(w.t, w.manager, {
    method: 'PATCH',
    url: postsUrl(w.ws, `/${rewritten}`),
    payload: { version: 1, text: 'Rewritten by the manager' },
  });
  expect(edit.statusCode, edit.body).toBe(200);
  expect((await act(w, w.editor, rewritten, 'submit')).statusCode).toBe(200);
  const charter = await saveCharter(w, {
    maxPostsPerDay: { max: 1, severity: 'block' },
    bannedPhrases: { phrases: ['forbidden'], severity: 'block' },
  });
  const items = [
    { postId: plain, contentRevision: 1, comment: 'Fine' }, // approved
    { postId: twice, contentRevision: 1 }, // approved
    { postId: twice, contentRevision: 1 }, // already approved by the item above
    { postId: stale, contentRevision: 1, version: 1 }, // version moved at submit
    { postId: otherRevision, contentRevision: 3 }, // not the revision read
    { postId: banned, contentRevision: 1 }, // the charter blocks its text
    { postId: draft, contentRevision: 1 }, // never submitted
    { postId: rewritten, contentRevision: 2 }, // own content
    { postId: timedFirst, contentRevision: 1 }, // approved, then scheduled at its time
    { postId: timedCapped, contentRevision: 1 }, // approved; the day's cap is full: not scheduled
    { postId: timedOtherChannel, contentRevision: 1 }, // other channel: scheduled
    { postId: UNKNOWN, contentRevision: 1 },
    { postId: plain, contentRevision: 'one' },
  ];
  const ids: Record<string, string> = { [w.ws]: 'ws', [w.channels[0] as string]: 'ch0' };
  ids[w.channels[1] as string] = 'ch1';
  const all = [plain, twice, stale, otherRevision, banned, timedFirst, timedCapped, timedOtherChannel];
  for (const [k, p] of [...all, draft, rewritten].entries()) ids[p] = `post${k}`;
  ids[w.manager.userId as string] = 'manager';
  ids[charter.id] = 'charter';
  return { w, items, ids };
}

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
      approved: posts.approvedAt,
      v: posts.violations,
    })
    .from(posts)
    .where(eq(posts.workspaceId, w.ws))
    .orderBy(asc(posts.createdAt));
  const approvals = await db
    .select({
      postId: postApprovals.postId,
      userId: postApprovals.userId,
      rev: postApprovals.contentRevision,
    })
    .from(postApprovals)
    .innerJoin(posts, eq(posts.id, postApprovals.postId))
    .where(eq(posts.workspaceId, w.ws));
  const events = await db
    .select({
      postId: postEvents.postId,
      action: postEvents.action,
      comment: postEvents.comment,
      details: postEvents.details,
    })
    .from(postEvents)
    .where(eq(postEvents.workspaceId, w.ws))
    .orderBy(asc(postEvents.seq));
  const notified = await db
    .select({ kind: notificationEvents.kind, postId: notificationEvents.postId })
    .from(notificationEvents)
    .where(eq(notificationEvents.workspaceId, w.ws));
  const targets = await Promise.all(
    rows.map(async (r) =>
      (await getPost(w, r.id)).targets.map((x: Record<string, unknown>) => [
        x.channelId,
        x.status,
        x.scheduledAt,
      ]),
    ),
  );
  // approved_at is the moment of each call: only whether it is set can match.
  const named = neutral(
    {
      rows: rows.map((r) => ({ ...r, approved: r.approved !== null })),
      approvals,
      events,
      targets,
      notified,
    },
    ids,
  ) as {
    approvals: { postId: string }[];
    events: { postId: string }[];
    notified: { postId: string; kind: string }[];
  };
  named.approvals.sort((a, b) => a.postId.localeCompare(b.postId));
  named.notified.sort((a, b) => `${a.postId}${a.kind}`.localeCompare(`${b.postId}${b.kind}`));
  named.events.sort((a, b) => a.postId.localeCompare(b.postId));
  return named;
}

const fieldless = (status: number, details: unknown) => (status === 400 ? 'field problems' : details);

interface BulkResult {
  status: number;
  post?: { status: string; version: number; scheduledAt: string | null };
  error?: { code: string; details?: unknown };
}

describe('bulk approve, item by item the same as single calls', () => {
  it('gives every item the answer, the stored post, approvals and history its own call would have', async () => {
    const singles = [];
    for (const { postId, ...body } of one.items) {
      const res = await act(one.w, one.w.manager, postId, 'approve', body);
      const json = res.json();
      singles.push({
        status: res.statusCode,
        ...(res.statusCode === 200
          ? { post: { status: json.status, version: json.version, scheduledAt: json.schedule?.at ?? null } }
          : { code: json.error.code, details: fieldless(res.statusCode, json.error.details) }),
      });
    }

    const request = {
      method: 'POST' as const,
      url: postsUrl(bulk.w.ws, '/bulk-approve'),
      headers: { 'idempotency-key': 'approve-parity-1' },
      payload: { items: bulk.items },
    };
    const res = await call(bulkApp, bulk.w.manager, request);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    const bulked = answer.results.map((r: BulkResult) => ({
      status: r.status,
      ...(r.status === 200
        ? { post: { status: r.post?.status, version: r.post?.version, scheduledAt: r.post?.scheduledAt } }
        : { code: r.error?.code, details: fieldless(r.status, r.error?.details) }),
    }));
    expect(neutral(bulked, bulk.ids)).toEqual(neutral(singles, one.ids));
    expect(bulked.map((r: BulkResult) => r.status)).toEqual([
      200, 200, 409, 409, 409, 422, 409, 403, 200, 200, 200, 404, 400,
    ]);
    expect(bulked.slice(8, 11).map((r: BulkResult) => r.post?.status)).toEqual([
      'scheduled',
      'approved',
      'scheduled',
    ]);
    expect(await stored(bulk.w, bulk.ids)).toEqual(await stored(one.w, one.ids));

    // The same key again: the first answer, nothing applied twice.
    const before = await stored(bulk.w, bulk.ids);
    const again = await call(bulkApp, bulk.w.manager, request);
    expect(again.json()).toEqual(answer);
    expect(await stored(bulk.w, bulk.ids)).toEqual(before);
  }, 120_000);

  it('refuses what the single call refuses by role: editors, and API tokens even of managers', async () => {
    const { w } = bulk;
    const post = await createPost(w, w.editor);
    expect((await act(w, w.editor, post.id, 'submit')).statusCode).toBe(200);
    const item = { postId: post.id, contentRevision: 1 };
    const bulkAs = (who: typeof w.editor) =>
      call(w.t, who, { method: 'POST', url: postsUrl(w.ws, '/bulk-approve'), payload: { items: [item] } });
    expect((await act(w, w.editor, post.id, 'approve', { contentRevision: 1 })).statusCode).toBe(403);
    expect((await bulkAs(w.editor)).statusCode).toBe(403);
    expect((await bulkAs(w.viewer)).statusCode).toBe(403);
    expect((await bulkAs(w.token)).statusCode).toBe(403);
    expect((await getPost(w, post.id)).status).toBe('in_review');
  });

  it('answers 404 for a post of another workspace, as for a missing one', async () => {
    const { w } = bulk;
    const other = await createWorkspace(bulkApp, w.owner, { name: 'Other', locale: 'en' });
    const channel = await createChannel(bulkApp, w.owner, other.id, 'Elsewhere');
    const created = await call(bulkApp, w.owner, {
      method: 'POST',
      url: postsUrl(other.id),
      payload: { text: 'Not yours', targets: [{ channelId: channel }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const foreign = created.json();
    const res = await call(bulkApp, bulk.w.manager, {
      method: 'POST',
      url: postsUrl(bulk.w.ws, '/bulk-approve'),
      payload: { items: [{ postId: foreign.id, contentRevision: 1 }] },
    });
    expect(res.json().results[0]).toMatchObject({ status: 404, error: { code: 'not_found' } });
    const after = await call(bulkApp, w.owner, { method: 'GET', url: postsUrl(other.id, `/${foreign.id}`) });
    expect(after.json()).toMatchObject({ status: 'draft', version: 1 });
  });
});
