// The per-post walk of the inbox sync (comments under our recently published posts, for networks
// with listPostComments), through the "inbox.sync" job on the runner, against a stand-in network
// that pages each post's comments newest first: each post with its own cursor, nothing fetched or
// stored twice, fair across posts under the page budget, and the channel walk's handling of rate
// limits, revoked tokens and passing faults.
import { channels, inboxItems, inboxPostSyncStates, inboxSyncStates, jobs, postTargets } from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { createJobRunner } from '@cadence/jobs';
import { createFakeAdapter, type InboxAdapter, type InboxPage, NetworkError } from '@cadence/networks';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syncInboxChannel } from '../src/inbox/sync-channel';
import { registerInbox } from '../src/jobs/inbox';
import { seedChannel, seedScheduledPosts, seedWorkspace, testKeyRing } from './support/seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const signal = new AbortController().signal;
const DAY = 24 * 3600_000;
const PAGE = 3;

beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
});
afterAll(async () => {
  await database.close();
});

interface StandInComment {
  id: number;
  parent: string | null;
  at: Date;
}

/**
 * A network whose comments are read per post, newest first, PAGE at a time (the page token is the
 * offset); positions are zero-padded ids so they compare as strings.
 */
function standInNetwork() {
  const comments = new Map<string, StandInComment[]>();
  const calls: { post: string; page: string | null; after: string | null }[] = [];
  const mode: { rateLimitMs?: number; revokeAfterCalls?: number; failAfterCalls?: number; gone?: string } =
    {};
  const pos = (id: number) => String(id).padStart(8, '0');
  const inbox: InboxAdapter = {
    network: 'facebook',
    comparePositions: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    replyRetrySafe: false,
    async listPostComments(call): Promise<InboxPage> {
      if (mode.rateLimitMs)
        throw new NetworkError('rate_limited', 'Slow down', { retryAfterMs: mode.rateLimitMs });
      if (mode.revokeAfterCalls !== undefined && calls.length >= mode.revokeAfterCalls) {
        throw new NetworkError('auth_revoked', 'The token was revoked');
      }
      if (mode.failAfterCalls !== undefined && calls.length >= mode.failAfterCalls) {
        throw new NetworkError('transient', 'The network answered 503');
      }
      calls.push({ post: call.postExternalId, page: call.page, after: call.after });
      if (call.postExternalId === mode.gone) throw new NetworkError('permanent', 'The post does not exist');
      const all = [...(comments.get(call.postExternalId) ?? [])].sort((a, b) => b.id - a.id);
      const from = call.page ? Number(call.page) : 0;
      const slice = all.slice(from, from + PAGE);
      const last = slice.at(-1);
      return {
        items: slice.map((c) => ({
          externalId: `c${c.id}`,
          kind: 'reply',
          authorHandle: 'fan',
          authorName: 'A Fan',
          authorAvatarUrl: null,
          text: `comment ${c.id}`,
          language: null,
          createdAt: c.at,
          link: null,
          parentExternalId: c.parent,
          threadRootExternalId: null,
          replyRef: {},
          position: pos(c.id),
        })),
        next: from + PAGE < all.length ? String(from + PAGE) : null,
        newest: slice[0] ? pos(slice[0].id) : null,
        oldest: last ? { position: pos(last.id), at: last.at } : null,
      };
    },
    async reply() {
      throw new Error('not used here');
    },
  };
  let nextId = 1;
  const add = (post: string, at: Date, parent: string | null = null) => {
    const c = { id: nextId++, parent, at };
    comments.set(post, [...(comments.get(post) ?? []), c]);
    return `c${c.id}`;
  };
  const adapters = { facebook: { ...createFakeAdapter({ network: 'facebook' }), inbox } };
  return { adapters, calls, mode, add };
}

async function seedPublished(workspaceId: string, channelId: string, posts: { id: string; at: Date }[]) {
  const { targetIds } = await seedScheduledPosts(database.db, {
    workspaceId,
    channels: [{ id: channelId, network: 'facebook' }],
    count: posts.length,
    at: (i) => posts[i]?.at as Date,
  });
  for (const [i, p] of posts.entries()) {
    await database.db
      .update(postTargets)
      .set({ status: 'published', externalId: p.id, publishedAt: p.at })
      .where(eq(postTargets.id, targetIds[i] as string));
  }
  return targetIds;
}

const itemsOf = (channelId: string) =>
  database.db.select().from(inboxItems).where(eq(inboxItems.channelId, channelId));

describe('inbox sync, comments under our posts', () => {
  it('through the job: walks each recent post once, links comments to the post, skips old and unpublished', async () => {
    const net = standInNetwork();
    const now = new Date();
    const ws = await seedWorkspace(database.db);
    const channelId = await seedChannel(database.db, ws, 'facebook', { pageToken: 't' });
    const targetIds = await seedPublished(ws, channelId, [
      { id: 'p1', at: new Date(now.getTime() - DAY) },
      { id: 'p2', at: new Date(now.getTime() - 5 * DAY) },
      { id: 'p-old', at: new Date(now.getTime() - 20 * DAY) },
    ]);
    // A target not published yet is never asked about.
    await seedScheduledPosts(database.db, {
      workspaceId: ws,
      channels: [{ id: channelId, network: 'facebook' }],
      count: 1,
      at: () => new Date(now.getTime() + DAY),
    });
    const first = net.add('p1', new Date(now.getTime() - 3600_000));
    for (let i = 0; i < 6; i++) net.add('p1', new Date(now.getTime() - 3000_000 + i * 60_000));
    const answer = net.add('p1', new Date(now.getTime() - 60_000), first);
    net.add('p2', new Date(now.getTime() - 4 * DAY));
    net.add('p-old', new Date(now.getTime() - 19 * DAY));

    const runner = createJobRunner({ db: database.db, workerId: `inbox-${Math.random()}`, logger: quiet });
    registerInbox(runner, {
      db: database.db,
      adapters: net.adapters,
      keyRing: testKeyRing,
      clock: () => new Date(),
      logger: quiet,
    });
    const syncJobsDone = async () => {
      const rows = await database.db
        .select({ status: jobs.status })
        .from(jobs)
        .where(and(eq(jobs.kind, 'inbox.sync')));
      return rows.length > 0 && rows.every((r) => r.status === 'done');
    };
    await until(syncJobsDone, () => runner.runOnce());
    await runner.stop();

    const items = await itemsOf(channelId);
    expect(items).toHaveLength(9);
    expect(items.every((i) => i.kind === 'comment' && i.workspaceId === ws)).toBe(true);
    const byId = new Map(items.map((i) => [i.externalId, i]));
    // Under our post: its root is the post, so the conversation shows our original post.
    expect(byId.get(first)).toMatchObject({
      parentExternalId: 'p1',
      threadRootExternalId: 'p1',
      postTargetId: targetIds[0],
    });
    expect(byId.get(answer)).toMatchObject({ parentExternalId: first, threadRootExternalId: 'p1' });
    expect(items.some((i) => i.threadRootExternalId === 'p-old')).toBe(false);
    expect(new Set(net.calls.map((c) => c.post))).toEqual(new Set(['p1', 'p2']));
    // No page of a post asked for twice.
    const pages = net.calls.map((c) => `${c.post}:${c.page}`);
    expect(new Set(pages).size).toBe(pages.length);
  });

  describe('run by run', () => {
    const net = standInNetwork();
    let now = new Date('2026-11-26T12:00:00Z');
    let ws: string;
    let channelId: string;
    const deps = () => ({ db: database.db, adapters: net.adapters, keyRing: testKeyRing, clock: () => now });
    const run = () => syncInboxChannel(deps(), channelId, signal);
    const posts = ['big', 'a', 'b', 'c', 'd', 'e'];

    it('shares the page budget fairly: a long walk does not starve the other posts', async () => {
      ws = await seedWorkspace(database.db, 'Fair');
      channelId = await seedChannel(database.db, ws, 'facebook', { pageToken: 't' });
      // 'big' is the newest post, with 15 pages of comments; the others one comment each.
      await seedPublished(
        ws,
        channelId,
        posts.map((id, i) => ({ id, at: new Date(now.getTime() - (i + 1) * 3600_000) })),
      );
      for (let i = 0; i < 15 * PAGE; i++) net.add('big', new Date(now.getTime() - 3000_000 + i * 1000));
      for (const id of posts.slice(1)) net.add(id, new Date(now.getTime() - 1800_000));

      expect((await run()).outcome).toBe('more');
      expect(net.calls.map((c) => c.post)).toEqual(Array(10).fill('big'));
      const second = net.calls.length;
      expect((await run()).outcome).toBe('synced');
      // The posts never walked come first, then the long walk resumes where it stopped.
      const next = net.calls.slice(second);
      expect(next.map((c) => c.post)).toEqual([...posts.slice(1), ...Array(5).fill('big')]);
      expect(next[5]?.page).toBe(String(10 * PAGE));
      expect(await itemsOf(channelId)).toHaveLength(15 * PAGE + 5);
    });

    it('the next sync reads only the first page of due posts, asking for what is newer', async () => {
      const before = net.calls.length;
      now = new Date(now.getTime() + 3 * 60_000);
      net.add('a', new Date(now.getTime() - 1000));
      expect((await run()).outcome).toBe('synced');
      const calls = net.calls.slice(before);
      expect(calls).toHaveLength(posts.length);
      expect(calls.every((c) => c.page === null && c.after !== null)).toBe(true);
      expect(await itemsOf(channelId)).toHaveLength(15 * PAGE + 6);
      // Not due yet: a run now calls nobody.
      expect((await run()).outcome).toBe('skipped');
      expect(net.calls.length).toBe(before + posts.length);
    });

    it('a rate limit blocks the channel until the time the network gave', async () => {
      now = new Date(now.getTime() + 3 * 60_000);
      net.mode.rateLimitMs = 120_000;
      expect((await run()).outcome).toBe('rate_limited');
      const [state] = await database.db
        .select()
        .from(inboxSyncStates)
        .where(eq(inboxSyncStates.channelId, channelId));
      expect(state?.blockedUntil?.getTime()).toBe(now.getTime() + 120_000);
      delete net.mode.rateLimitMs;
      const calls = net.calls.length;
      now = new Date(now.getTime() + 60_000);
      expect((await run()).outcome).toBe('skipped');
      expect(net.calls.length).toBe(calls);
      now = new Date(now.getTime() + 61_000);
      expect((await run()).outcome).toBe('synced');
    });

    it('a token revoked mid-walk marks the channel, keeps the post cursors, and resumes after reconnecting', async () => {
      now = new Date(now.getTime() + 3 * 60_000);
      for (let i = 0; i < 4 * PAGE; i++) net.add('big', new Date(now.getTime() - 100_000 + i * 1000));
      net.mode.revokeAfterCalls = net.calls.length + 2;
      expect((await run()).outcome).toBe('needs_reconnect');
      const [channel] = await database.db.select().from(channels).where(eq(channels.id, channelId));
      expect(channel?.status).toBe('needs_reconnect');
      expect(await itemsOf(channelId)).toHaveLength(15 * PAGE + 6 + 2 * PAGE);
      const [big] = await database.db
        .select({ cursor: inboxPostSyncStates.cursor })
        .from(inboxPostSyncStates)
        .innerJoin(postTargets, eq(postTargets.id, inboxPostSyncStates.postTargetId))
        .where(and(eq(postTargets.channelId, channelId), eq(postTargets.externalId, 'big')));
      expect(big?.cursor).toMatchObject({ walk: { page: String(2 * PAGE) } });

      delete net.mode.revokeAfterCalls;
      await database.db.update(channels).set({ status: 'connected' }).where(eq(channels.id, channelId));
      const before = net.calls.length;
      expect((await run()).outcome).toBe('synced');
      // The posts that waited longest go first; the cut walk resumes at the page it stopped on.
      expect(net.calls.slice(before).find((c) => c.post === 'big')?.page).toBe(String(2 * PAGE));
      const items = await itemsOf(channelId);
      expect(items).toHaveLength(19 * PAGE + 6);
      expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
    });

    it('a passing fault is thrown for the runner, keeping the pages before it', async () => {
      now = new Date(now.getTime() + 3 * 60_000);
      net.add('b', new Date(now.getTime() - 1000));
      net.mode.failAfterCalls = net.calls.length + 3;
      await expect(run()).rejects.toThrow(NetworkError);
      const [state] = await database.db
        .select()
        .from(inboxSyncStates)
        .where(eq(inboxSyncStates.channelId, channelId));
      expect(state?.failures).toBe(1);
      expect(state?.nextSyncAt.getTime()).toBe(now.getTime());
      delete net.mode.failAfterCalls;
      const walked = await database.db
        .select({ id: inboxPostSyncStates.postTargetId })
        .from(inboxPostSyncStates)
        .where(and(eq(inboxPostSyncStates.channelId, channelId), eq(inboxPostSyncStates.walkedAt, now)));
      expect(walked).toHaveLength(3);
      expect((await run()).outcome).toBe('synced');
      expect(await itemsOf(channelId)).toHaveLength(19 * PAGE + 7);
    });

    it('a post the network refuses to list is set aside; the posts behind it are read', async () => {
      now = new Date(now.getTime() + 3 * 60_000);
      net.mode.gone = 'big';
      net.add('e', new Date(now.getTime() - 1000));
      const before = net.calls.length;
      expect((await run()).outcome).toBe('synced');
      expect(
        net.calls
          .slice(before)
          .map((c) => c.post)
          .sort(),
      ).toEqual([...posts].sort());
      expect(await itemsOf(channelId)).toHaveLength(19 * PAGE + 8);
      // Asked once a run, when due, like the others.
      now = new Date(now.getTime() + 3 * 60_000);
      const next = net.calls.length;
      expect((await run()).outcome).toBe('synced');
      expect(net.calls.slice(next).filter((c) => c.post === 'big')).toHaveLength(1);
      delete net.mode.gone;
    });
  });
});

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

async function until(done: () => Promise<boolean>, pass: () => Promise<void>) {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    await pass();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}
