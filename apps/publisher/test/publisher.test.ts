// The publisher's behaviour on a real database (PGlite by default, PostgreSQL with
// TEST_DATABASE_URL), with networks faked at the adapter boundary.
import {
  channels,
  charterVersions,
  type Database,
  posts,
  postTargets,
  publisherHeartbeats,
  publisherRateLimits,
  sandboxFeedItems,
  targetAttempts,
  targetReconciliations,
} from '@cadence/db';
import { createTestDatabase } from '@cadence/db/testing';
import { failure } from '@cadence/domain/publishing/failure';
import { createFakeAdapter, createSandboxAdapter, inSequence, memoryStore } from '@cadence/networks';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { seedChannel, seedScheduledPosts, seedWorkspace } from './support/seed';
import { testPublisher, tickUntil } from './support/test-publisher';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
});
afterAll(async () => database?.close());

const targetsOf = (ids: string[]) =>
  database.db.select().from(postTargets).where(inArray(postTargets.id, ids));
const allIn = (ids: string[], status: string) => async () =>
  (await targetsOf(ids)).every((t) => t.status === status);
const past =
  (ms = 1000) =>
  () =>
    new Date(Date.now() - ms);

async function scenario(network: 'sandbox' | 'webhook' = 'sandbox', count = 1, at = past()) {
  const workspaceId = await seedWorkspace(database.db);
  const channelId = await seedChannel(database.db, workspaceId, network);
  const seeded = await seedScheduledPosts(database.db, {
    workspaceId,
    channels: [{ id: channelId, network }],
    count,
    at,
  });
  return { workspaceId, channelId, ...seeded };
}

describe('publishing', () => {
  it('publishes due targets once through the sandbox, and the post follows', async () => {
    const s = await scenario('sandbox', 3);
    const publisher = testPublisher(database.db, { sandbox: createSandboxAdapter({ db: database.db }) });
    await tickUntil(publisher, allIn(s.targetIds, 'published'));
    const feed = await database.db
      .select()
      .from(sandboxFeedItems)
      .where(inArray(sandboxFeedItems.targetId, s.targetIds));
    expect(feed).toHaveLength(3);
    const targets = await targetsOf(s.targetIds);
    expect(
      targets.every((t) => t.attempts === 1 && t.externalId && t.leaseOwner === null && t.publishedAt),
    ).toBe(true);
    const postRows = await database.db.select().from(posts).where(inArray(posts.id, s.postIds));
    expect(postRows.map((p) => p.status)).toEqual(['published', 'published', 'published']);
    const log = await database.db
      .select()
      .from(targetAttempts)
      .where(inArray(targetAttempts.targetId, s.targetIds));
    expect(log.map((l) => l.outcome)).toEqual(['published', 'published', 'published']);
    await publisher.stop();
  });

  it('fires a target at its instant, not at the next tick', async () => {
    const instant = new Date(Date.now() + 1500);
    const s = await scenario('sandbox', 1, () => instant);
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    await publisher.tick();
    expect(fake.calls).toHaveLength(0);
    const [claimed] = await targetsOf(s.targetIds);
    expect(claimed?.status).toBe('claimed');
    // No further tick: the claim's own timer must send it (a publisher that waited for its next tick
    // would never publish here). How late it is belongs to the benchmark, not to a test.
    const published = allIn(s.targetIds, 'published');
    for (let waited = 0; waited < 30_000 && !(await published()); waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await publisher.idle();
    expect(await published()).toBe(true);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.at.getTime()).toBeGreaterThanOrEqual(instant.getTime());
    await publisher.stop();
  });

  it('retries transient failures and 429s with backoff, remembering the 429 for every process', async () => {
    const s = await scenario();
    const fake = createFakeAdapter({
      behaviour: inSequence(
        { kind: 'fail', failure: failure('transient', 'HTTP 502') },
        { kind: 'fail', failure: failure('rate_limited', 'HTTP 429', { retryAfterMs: 300 }) },
        { kind: 'succeed' },
      ),
    });
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'published'));
    expect(fake.calls).toHaveLength(3);
    const gap = (fake.calls[2]?.at.getTime() ?? 0) - (fake.calls[1]?.at.getTime() ?? 0);
    expect(gap).toBeGreaterThanOrEqual(290);
    const [block] = await database.db
      .select()
      .from(publisherRateLimits)
      .where(eq(publisherRateLimits.key, `channel:${s.channelId}`));
    expect(block?.reason).toMatch(/429/);
    const log = await database.db
      .select()
      .from(targetAttempts)
      .where(inArray(targetAttempts.targetId, s.targetIds));
    expect(log.map((l) => l.outcome).sort()).toEqual(['published', 'rate_limited', 'transient']);
    await publisher.stop();
  });

  it('gives up after the configured attempts with the reason', async () => {
    const s = await scenario();
    const fake = createFakeAdapter({
      behaviour: () => ({
        kind: 'fail',
        failure: failure('transient', 'The network had an error (HTTP 503)'),
      }),
    });
    const publisher = testPublisher(database.db, { sandbox: fake }, { env: { PUBLISHER_MAX_ATTEMPTS: '3' } });
    await tickUntil(publisher, allIn(s.targetIds, 'failed'));
    const [t] = await targetsOf(s.targetIds);
    expect(t?.lastError).toBe('Gave up after 3 attempts: The network had an error (HTTP 503)');
    expect(fake.calls).toHaveLength(3);
    const [post] = await database.db
      .select()
      .from(posts)
      .where(eq(posts.id, s.postIds[0] ?? ''));
    expect(post?.status).toBe('failed');
    await publisher.stop();
  });

  it('fails a permanent error at once, asks for a reconnect on revoked credentials, and says partially published', async () => {
    const workspaceId = await seedWorkspace(database.db);
    const ok = await seedChannel(database.db, workspaceId, 'sandbox');
    const revoked = await seedChannel(database.db, workspaceId, 'webhook');
    const s = await seedScheduledPosts(database.db, {
      workspaceId,
      channels: [
        { id: ok, network: 'sandbox' },
        { id: revoked, network: 'webhook' },
      ],
      count: 1,
      at: past(),
    });
    const sandbox = createFakeAdapter();
    const webhook = createFakeAdapter({
      network: 'webhook',
      behaviour: () => ({ kind: 'fail', failure: failure('auth_revoked', 'HTTP 401') }),
    });
    const publisher = testPublisher(database.db, { sandbox, webhook });
    await tickUntil(publisher, async () =>
      (await targetsOf(s.targetIds)).every((t) => ['published', 'failed'].includes(t.status)),
    );
    expect(webhook.calls).toHaveLength(1);
    const failed = (await targetsOf(s.targetIds)).find((t) => t.status === 'failed');
    expect(failed?.lastError).toBe('HTTP 401. Reconnect the channel, then retry.');
    const [channel] = await database.db.select().from(channels).where(eq(channels.id, revoked));
    expect(channel?.status).toBe('needs_reconnect');
    const [post] = await database.db
      .select()
      .from(posts)
      .where(eq(posts.id, s.postIds[0] ?? ''));
    expect(post?.status).toBe('partially_published');
    await publisher.stop();
  });
});

describe('send-time checks', () => {
  it('holds a target whose channel was disconnected or whose post lost its approval', async () => {
    const a = await scenario();
    await database.db.update(channels).set({ status: 'disconnected' }).where(eq(channels.id, a.channelId));
    const b = await scenario();
    await database.db
      .update(posts)
      .set({ status: 'draft' })
      .where(eq(posts.id, b.postIds[0] ?? ''));
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn([...a.targetIds, ...b.targetIds], 'held'));
    expect(fake.calls).toHaveLength(0);
    const [ta] = await targetsOf(a.targetIds);
    const [tb] = await targetsOf(b.targetIds);
    expect(ta?.lastError).toBe('The channel is disconnected');
    expect(tb?.lastError).toBe('The post is no longer approved (it is draft)');
    const [pb] = await database.db
      .select()
      .from(posts)
      .where(eq(posts.id, b.postIds[0] ?? ''));
    expect(pb?.status).toBe('draft');
    await publisher.stop();
  });

  it('holds a target when a blackout was added to the charter after approval', async () => {
    const s = await scenario();
    const today = new Date(Date.now() - 1000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
    await database.db.insert(charterVersions).values({
      workspaceId: s.workspaceId,
      version: 1,
      rules: {
        rules: {
          blackoutDates: { dates: [{ from: today, to: today, reason: 'Press embargo' }], severity: 'block' },
        },
      },
    });
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'held'));
    const [t] = await targetsOf(s.targetIds);
    expect(t?.lastError).toMatch(/^The charter now blocks this post: .*Press embargo/);
    expect(fake.calls).toHaveLength(0);
    await publisher.stop();
  });

  // Approved under the current charter, posts are re-checked for schedule rules only, one check
  // per instant; otherwise each post is checked in full, once for all its targets.
  it.each([{ approvedUnderCharter: true }, { approvedUnderCharter: false }])(
    'checks targets together yet holds only those the charter blocks (%o)',
    async ({ approvedUnderCharter }) => {
      const workspaceId = await seedWorkspace(database.db);
      const sandboxId = await seedChannel(database.db, workspaceId, 'sandbox');
      const webhookId = await seedChannel(database.db, workspaceId, 'webhook');
      const s = await seedScheduledPosts(database.db, {
        workspaceId,
        channels: [
          { id: sandboxId, network: 'sandbox' },
          { id: webhookId, network: 'webhook' },
        ],
        count: 2,
        at: past(),
      });
      const today = new Date(Date.now() - 1000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
      const [charter] = await database.db
        .insert(charterVersions)
        .values({
          workspaceId,
          version: 1,
          rules: {
            rules: {
              blackoutDates: {
                dates: [{ from: today, to: today, reason: 'Press embargo' }],
                severity: 'block',
              },
            },
            // The webhook network is exempt: its targets leave, the sandbox ones are held.
            overrides: { webhook: { blackoutDates: null } },
          },
        })
        .returning({ id: charterVersions.id });
      if (approvedUnderCharter)
        await database.db
          .update(posts)
          .set({ charterVersionId: charter?.id })
          .where(inArray(posts.id, s.postIds));
      const fake = createFakeAdapter();
      const publisher = testPublisher(database.db, { sandbox: fake, webhook: fake });
      await tickUntil(publisher, async () =>
        (await targetsOf(s.targetIds)).every((t) => t.status === 'held' || t.status === 'published'),
      );
      const targets = await targetsOf(s.targetIds);
      expect(targets.filter((t) => t.channelId === sandboxId).map((t) => t.status)).toEqual(['held', 'held']);
      expect(targets.filter((t) => t.channelId === webhookId).map((t) => t.status)).toEqual([
        'published',
        'published',
      ]);
      expect(fake.calls).toHaveLength(2);
      const postRows = await database.db.select().from(posts).where(inArray(posts.id, s.postIds));
      expect(postRows.map((p) => p.status)).toEqual(['partially_published', 'partially_published']);
      await publisher.stop();
    },
  );

  it('sends late within the grace period and marks older ones missed', async () => {
    const late = await scenario('sandbox', 1, past(30 * 60_000));
    const tooLate = await scenario('sandbox', 1, past(90 * 60_000));
    const fake = createFakeAdapter();
    const publisher = testPublisher(
      database.db,
      { sandbox: fake },
      { env: { PUBLISHER_GRACE_MINUTES: '60' } },
    );
    await tickUntil(
      publisher,
      async () =>
        (await allIn(late.targetIds, 'published')()) && (await allIn(tooLate.targetIds, 'missed')()),
    );
    const [m] = await targetsOf(tooLate.targetIds);
    expect(m?.lastError).toMatch(/past the grace period/);
    await publisher.stop();
  });
});

describe('crashes and unclear outcomes', () => {
  async function stuckInSending(network: 'sandbox' | 'webhook' = 'sandbox') {
    const s = await scenario(network);
    await database.db
      .update(postTargets)
      .set({
        status: 'sending',
        attempts: 1,
        leaseOwner: 'dead-worker',
        leaseExpiresAt: new Date(Date.now() - 1000),
        sendingStartedAt: new Date(Date.now() - 60_000),
      })
      .where(inArray(postTargets.id, s.targetIds));
    return s;
  }

  it("hands back a gone worker's targets at once from its missed heartbeats, not at the end of its leases", async () => {
    const now = Date.now();
    const beats = (workerId: string, beatAgoMs: number) => ({
      workerId,
      hostname: 'h',
      pid: 1,
      startedAt: new Date(now - 60_000),
      beatAt: new Date(now - beatAgoMs),
    });
    await database.db
      .insert(publisherHeartbeats)
      .values([beats('gone-worker', 10_000), beats('live-worker', 0)]);
    const hold = async (ids: string[], status: 'claimed' | 'sending', leaseOwner: string) =>
      database.db
        .update(postTargets)
        .set({
          status,
          attempts: status === 'sending' ? 1 : 0,
          leaseOwner,
          // Far in the future: only the missed heartbeats can end these leases.
          leaseExpiresAt: new Date(now + 3600_000),
          ...(status === 'sending' ? { sendingStartedAt: new Date(now - 5000) } : {}),
        })
        .where(inArray(postTargets.id, ids));
    const claimed = await scenario('sandbox', 2);
    const sending = await scenario('sandbox', 1);
    const alive = await scenario('sandbox', 1);
    await hold(claimed.targetIds, 'claimed', 'gone-worker');
    await hold(sending.targetIds, 'sending', 'gone-worker');
    await hold(alive.targetIds, 'claimed', 'live-worker');
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    // Until the `sending` one is settled too (unknown, checked, sent again): left `unknown`, its
    // check would fall to the next test's publisher, whose calls it counts.
    await tickUntil(
      publisher,
      async () =>
        (await allIn(claimed.targetIds, 'published')()) && (await allIn(sending.targetIds, 'published')()),
    );
    const log = await database.db
      .select()
      .from(targetAttempts)
      .where(inArray(targetAttempts.targetId, sending.targetIds));
    expect(log.map((l) => l.outcome)).toContain('ambiguous');
    // A worker that still beats keeps what it holds.
    expect((await targetsOf(alive.targetIds)).map((t) => [t.status, t.leaseOwner])).toEqual([
      ['claimed', 'live-worker'],
    ]);
    // Once its beats stop it would be gone too: take its target out of the way of later tests.
    await database.db
      .update(postTargets)
      .set({ status: 'held', leaseOwner: null, leaseExpiresAt: null })
      .where(inArray(postTargets.id, alive.targetIds));
    await publisher.stop();
  });

  it("takes over a gone worker's reconciliation at once, not at the end of its lease", async () => {
    const now = Date.now();
    await database.db.insert(publisherHeartbeats).values({
      workerId: 'gone-checker',
      hostname: 'h',
      pid: 1,
      startedAt: new Date(now - 60_000),
      beatAt: new Date(now - 10_000),
    });
    const s = await stuckInSending();
    const [t] = await targetsOf(s.targetIds);
    if (!t) throw new Error('no target');
    // The target is `unknown` and its check was claimed by a worker that then died: its lease
    // (an hour) would otherwise hold the check back.
    await database.db
      .update(postTargets)
      .set({ status: 'unknown', leaseOwner: null, leaseExpiresAt: null })
      .where(eq(postTargets.id, t.id));
    await database.db.insert(targetReconciliations).values({
      targetId: t.id,
      dueAt: new Date(now - 1000),
      tries: 1,
      leaseOwner: 'gone-checker',
      leaseExpiresAt: new Date(now + 3600_000),
    });
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'published'));
    expect(fake.calls).toHaveLength(1);
    await publisher.stop();
  });

  it('settles a target found on the network as published, without posting again', async () => {
    const s = await stuckInSending();
    const store = memoryStore();
    const fake = createFakeAdapter({ store });
    const [t] = await targetsOf(s.targetIds);
    if (!t) throw new Error('no target');
    // The dead worker's call did reach the network.
    await store.record({ targetId: t.id } as never);
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'published'));
    expect(fake.calls).toHaveLength(0);
    expect(store.posts).toHaveLength(1);
    await publisher.stop();
  });

  it('sends again only when the network can say the post is not there', async () => {
    const s = await stuckInSending();
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'published'));
    expect(fake.calls).toHaveLength(1);
    const log = await database.db
      .select()
      .from(targetAttempts)
      .where(inArray(targetAttempts.targetId, s.targetIds));
    expect(log.map((l) => l.outcome).sort()).toEqual(['ambiguous', 'published', 'reconciled']);
    await publisher.stop();
  });

  it('leaves the target unknown for a person when the network cannot tell', async () => {
    const s = await stuckInSending('webhook');
    const fake = createFakeAdapter({ network: 'webhook', canFindExisting: false, idempotentRetry: false });
    const publisher = testPublisher(database.db, { webhook: fake });
    await tickUntil(
      publisher,
      async () => (await targetsOf(s.targetIds))[0]?.lastError?.includes('confirm it here') ?? false,
    );
    await publisher.tick();
    await publisher.idle();
    const [t] = await targetsOf(s.targetIds);
    expect(t?.status).toBe('unknown');
    expect(fake.calls).toHaveLength(0);
    await publisher.stop();
  });

  it('reconciles a post that went out but whose answer was lost, and one whose call hung', async () => {
    const lost = await scenario();
    const hung = await scenario();
    const store = memoryStore();
    const fake = createFakeAdapter({
      store,
      behaviour: (call) =>
        lost.targetIds.includes(call.request.targetId)
          ? { kind: 'publish_then_lose_answer' }
          : call.previousCalls === 0
            ? { kind: 'hang' }
            : { kind: 'succeed' },
    });
    const publisher = testPublisher(database.db, { sandbox: fake }, { options: { sendTimeoutMs: 200 } });
    await tickUntil(publisher, allIn([...lost.targetIds, ...hung.targetIds], 'published'));
    expect(store.posts.filter((p) => lost.targetIds.includes(p.targetId))).toHaveLength(1);
    expect(store.posts.filter((p) => hung.targetIds.includes(p.targetId))).toHaveLength(1);
    await publisher.stop();
  });

  it('takes back a claim whose worker vanished before sending', async () => {
    const s = await scenario();
    await database.db
      .update(postTargets)
      .set({ status: 'claimed', leaseOwner: 'dead-worker', leaseExpiresAt: new Date(Date.now() - 1000) })
      .where(inArray(postTargets.id, s.targetIds));
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'published'));
    expect(fake.calls).toHaveLength(1);
    await publisher.stop();
  });

  it("claims a gone worker's handed-back target in the same tick, not at the next claim", async () => {
    const now = Date.now();
    await database.db.insert(publisherHeartbeats).values({
      workerId: 'gone-claimer',
      hostname: 'h',
      pid: 1,
      startedAt: new Date(now - 60_000),
      beatAt: new Date(now - 10_000),
    });
    const s = await scenario();
    // Its lease runs for minutes: only the missed heartbeats can bring it back now.
    await database.db
      .update(postTargets)
      .set({ status: 'claimed', leaseOwner: 'gone-claimer', leaseExpiresAt: new Date(now + 600_000) })
      .where(inArray(postTargets.id, s.targetIds));
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake });
    // One pass: its claim task runs before the hand-back; the hand-back claims again at once.
    await publisher.tick();
    await publisher.idle();
    expect(await allIn(s.targetIds, 'published')()).toBe(true);
    await publisher.stop();
  });
});

describe('limits and shutdown', () => {
  it("respects an adapter's per-channel allowance across batches", async () => {
    const s = await scenario('sandbox', 5);
    const fake = createFakeAdapter({ rateLimit: { perChannel: { max: 2, perMs: 500 } } });
    const publisher = testPublisher(database.db, { sandbox: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'published'));
    // Only ours: an earlier test's leftover on another channel may go out through the same fake.
    const ours = fake.calls.filter((c) => s.targetIds.includes(c.request.targetId));
    expect(ours).toHaveLength(5);
    // Two per fixed 500 ms window: the fifth takes a place two windows after the first, so more than
    // one window separates them. (Counting calls per clock-aligned bucket was flaky: a place is
    // taken a few ms before its call, which may then land in the next bucket.)
    const times = ours.map((c) => c.at.getTime()).sort((x, y) => x - y);
    expect((times[4] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(450);
    await publisher.stop();
  });

  it("honours a channel's own send limit over its network's default", async () => {
    const s = await scenario('webhook', 5);
    await database.db
      .update(channels)
      .set({ sendLimit: { max: 2, perSeconds: 2 } })
      .where(eq(channels.id, s.channelId));
    // The adapter declares no limit of its own: only the channel's applies. Five sends at two per
    // two seconds take three windows: the last leaves at least two seconds after the first.
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { webhook: fake });
    await tickUntil(publisher, allIn(s.targetIds, 'published'), 20_000);
    const times = fake.calls.map((c) => c.at.getTime()).sort((x, y) => x - y);
    expect(times).toHaveLength(5);
    expect((times[4] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2000);
    await publisher.stop();
  });

  it('runs the send-time checks before the instant, and re-checks the channel at it', async () => {
    const dueSoon = () => new Date(Date.now() + 6000);
    const blocked = await scenario('sandbox', 1, dueSoon);
    const disconnected = await scenario('sandbox', 1, dueSoon);
    // A post that lost its approval is held as soon as it is claimed, not at its instant.
    await database.db.update(posts).set({ status: 'draft' }).where(inArray(posts.id, blocked.postIds));
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake }, { options: { lookAheadMs: 10_000 } });
    await publisher.tick();
    for (let i = 0; i < 100 && !(await allIn(blocked.targetIds, 'held')()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await targetsOf(blocked.targetIds)).map((t) => t.status)).toEqual(['held']);
    expect((await targetsOf(disconnected.targetIds)).map((t) => t.status)).toEqual(['claimed']);
    // Prepared to go; the channel is disconnected before the instant: nothing is sent.
    await database.db
      .update(channels)
      .set({ status: 'disconnected' })
      .where(eq(channels.id, disconnected.channelId));
    await tickUntil(publisher, allIn(disconnected.targetIds, 'held'));
    // (Other tests' leftovers on other channels may go out through the same fake: only ours count.)
    const ours = [...blocked.targetIds, ...disconnected.targetIds];
    expect(fake.calls.map((c) => c.request.targetId).filter((id) => ours.includes(id))).toEqual([]);
    expect(fake.calls).toHaveLength(0);
    await publisher.stop();
  });

  it('gives back future claims on stop and records the stop', async () => {
    const s = await scenario('sandbox', 2, () => new Date(Date.now() + 2000));
    const fake = createFakeAdapter();
    const publisher = testPublisher(database.db, { sandbox: fake }, { workerId: 'stopping-worker' });
    await publisher.tick();
    expect((await targetsOf(s.targetIds)).map((t) => t.status)).toEqual(['claimed', 'claimed']);
    await publisher.stop();
    const after = await targetsOf(s.targetIds);
    expect(after.map((t) => [t.status, t.leaseOwner])).toEqual([
      ['scheduled', null],
      ['scheduled', null],
    ]);
    const [hb] = await database.db
      .select()
      .from(publisherHeartbeats)
      .where(eq(publisherHeartbeats.workerId, 'stopping-worker'));
    expect(hb?.stoppedAt).toBeInstanceOf(Date);
    expect(fake.calls).toHaveLength(0);
  });
});
