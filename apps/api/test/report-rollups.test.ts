// The report roll-up (decision 0255) equals a fresh count of the facts after any sequence of the
// target ledger's transitions, post edits and deletions, folds and timezone changes (with the
// rebuild the change queues). The expected rows are computed here from the targets and posts
// as read back, in TypeScript (Intl for the local day), not by the roll-up's SQL.
import { campaigns, jobs, posts } from '@cadence/db';
import * as ledger from '@cadence/domain/publishing/target-ledger';
import { delayBucketOf } from '@cadence/domain/reports/rollups/delay-buckets';
import {
  foldReportRollups,
  REBUILD_ROLLUPS_JOB,
  rebuildReportRollups,
} from '@cadence/domain/reports/rollups/rebuild-rollups';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from './calendar-fixtures';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let ws: string;
const channelIds: string[] = [];
const campaignIds: string[] = [];
const authorIds: string[] = [];
const PILLARS = ['education', 'product'];
const BASE = Date.parse('2026-03-28T12:00:00Z'); // a DST change in Paris falls inside the window
const ERRORS: Record<string, string> = {
  'The network asked to slow down (HTTP 429)': 'rate_limited',
  'The network had an error (HTTP 503)': 'network_error',
};

const at = (minutes: number) => new Date(BASE + minutes * 60_000);
const db = () => t.ctx.database.db;

type Op =
  | { k: 'post'; at: number; channels: number[]; campaign: number; pillar: number; author: number }
  | {
      k: 'reschedule' | 'unschedule' | 'cancel' | 'retry' | 'removeTarget' | 'deletePost';
      post: number;
      at: number;
    }
  | { k: 'edit'; post: number; campaign: number; pillar: number; author: number }
  | {
      k: 'send';
      now: number;
      outcomes: { kind: 'published' | 'failed' | 'missed' | 'held'; delay: number; error: number }[];
    }
  | { k: 'fold' }
  | { k: 'timezone'; zone: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('post' as const),
      at: fc.integer({ min: -4000, max: 4000 }),
      channels: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      campaign: fc.integer({ min: -1, max: 1 }),
      pillar: fc.integer({ min: -1, max: 1 }),
      author: fc.integer({ min: -1, max: 1 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constantFrom('reschedule', 'unschedule', 'cancel', 'retry', 'removeTarget', 'deletePost'),
      post: fc.nat(20),
      at: fc.integer({ min: -4000, max: 4000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('edit' as const),
      post: fc.nat(20),
      campaign: fc.integer({ min: -1, max: 1 }),
      pillar: fc.integer({ min: -1, max: 1 }),
      author: fc.integer({ min: -1, max: 1 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('send' as const),
      now: fc.integer({ min: -4000, max: 4500 }),
      outcomes: fc.array(
        fc.record({
          kind: fc.constantFrom('published', 'failed', 'missed', 'held'),
          delay: fc.integer({ min: -120, max: 400_000 }),
          error: fc.nat(1),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'fold' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('timezone' as const),
      zone: fc.constantFrom('Europe/Paris', 'Pacific/Auckland', 'UTC'),
    }),
  },
);

const pick = <T>(list: readonly T[], i: number): T | null => (i < 0 ? null : (list[i % list.length] ?? null));

async function apply(op: Op, postIds: string[]): Promise<void> {
  const now = new Date();
  const postOf = (i: number) => postIds[i % Math.max(postIds.length, 1)];
  switch (op.k) {
    case 'post': {
      const [post] = await db()
        .insert(posts)
        .values({
          workspaceId: ws,
          text: 'x',
          status: 'scheduled',
          scheduledAt: at(op.at),
          campaignId: pick(campaignIds, op.campaign),
          pillarId: pick(PILLARS, op.pillar),
          authorUserId: pick(authorIds, op.author),
        })
        .returning();
      if (!post) throw new Error('no post');
      postIds.push(post.id);
      await ledger.addTargets(
        db(),
        op.channels.map((c) => ({
          postId: post.id,
          workspaceId: ws,
          channelId: channelIds[c] as string,
          network: 'sandbox' as const,
        })),
      );
      await ledger.reschedule(db(), post.id, at(op.at), now);
      return;
    }
    case 'reschedule': {
      const p = postOf(op.post);
      if (p) await ledger.reschedule(db(), p, at(op.at), now);
      return;
    }
    case 'unschedule': {
      const p = postOf(op.post);
      if (p) await ledger.unschedule(db(), p, now);
      return;
    }
    case 'cancel': {
      const p = postOf(op.post);
      if (p) await ledger.cancel(db(), p, now);
      return;
    }
    case 'retry': {
      const p = postOf(op.post);
      if (p) await ledger.retry(db(), p, now);
      return;
    }
    case 'removeTarget': {
      const p = postOf(op.post);
      if (!p) return;
      const rows = await db().execute(sql`select id from post_targets where post_id = ${p} limit 1`);
      await ledger.removeTargets(
        db(),
        p,
        ledger.rowsOf<{ id: string }>(rows).map((r) => r.id),
      );
      return;
    }
    case 'deletePost': {
      const p = postOf(op.post);
      if (!p) return;
      await db().delete(posts).where(eq(posts.id, p));
      postIds.splice(postIds.indexOf(p), 1);
      return;
    }
    case 'edit': {
      const p = postOf(op.post);
      if (!p) return;
      await db()
        .update(posts)
        .set({
          campaignId: pick(campaignIds, op.campaign),
          pillarId: pick(PILLARS, op.pillar),
          authorUserId: pick(authorIds, op.author),
        })
        .where(eq(posts.id, p));
      return;
    }
    case 'send': {
      const sendNow = at(op.now);
      const claimed = await ledger.claimDue(db(), {
        workerId: 'w',
        now: sendNow,
        lookAheadMs: 0,
        claimLeaseMs: 60_000,
        limit: op.outcomes.length,
      });
      const settle: ledger.LedgerChange[] = [];
      const sending: { id: string; change: ledger.LedgerChange }[] = [];
      for (const [i, c] of claimed.entries()) {
        const o = op.outcomes[i] ?? op.outcomes[0];
        if (!o) continue;
        const error = Object.keys(ERRORS)[o.error] ?? null;
        if (o.kind === 'missed') settle.push({ id: c.id, status: 'missed', lastError: 'Too late' });
        else if (o.kind === 'held')
          settle.push({ id: c.id, status: 'held', lastError: 'The charter blocked it' });
        else
          sending.push({
            id: c.id,
            change:
              o.kind === 'published'
                ? {
                    id: c.id,
                    status: 'published',
                    publishedAt: new Date(c.scheduledAt.getTime() + o.delay * 1000),
                  }
                : { id: c.id, status: 'failed', lastError: error },
          });
      }
      await db().transaction(async (tx) => {
        await ledger.settleClaimed(tx, 'w', settle, sendNow);
      });
      const marked = await ledger.markSending(db(), {
        workerId: 'w',
        ids: sending.map((s) => s.id),
        now: sendNow,
        leaseMs: 60_000,
      });
      await db().transaction(async (tx) => {
        await ledger.recordOutcomes(
          tx,
          'w',
          sending.filter((s) => marked.has(s.id)).map((s) => s.change),
          sendNow,
        );
      });
      return;
    }
    case 'fold':
      await foldReportRollups(db());
      return;
    case 'timezone': {
      const res = await call(t, owner, {
        method: 'PATCH',
        url: `/api/v1/workspaces/${ws}`,
        payload: { timezone: op.zone },
      });
      expect(res.statusCode, res.body).toBe(200);
      // What the publisher's job does with the rebuild the change queued.
      const queued = await db()
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, REBUILD_ROLLUPS_JOB), eq(jobs.status, 'queued')));
      for (const job of queued) {
        await rebuildReportRollups(db(), (job.payload as { workspaceId: string }).workspaceId);
        await db().delete(jobs).where(eq(jobs.id, job.id));
      }
      return;
    }
  }
}

type Row = [string, string, string, string, number, string];
const keyOf = (r: Row) => r.join('|');

async function rolledUp(): Promise<Map<string, number>> {
  const result =
    await db().execute(sql`select day::text as day, dim, dim_value, status, delay_bucket, reason, sum(n)::int as n
    from report_target_days where workspace_id = ${ws} group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0`);
  const rows = ledger.rowsOf<{
    day: string;
    dim: string;
    dim_value: string;
    status: string;
    delay_bucket: number;
    reason: string;
    n: number;
  }>(result);
  return new Map(
    rows.map((r) => [keyOf([r.day, r.dim, r.dim_value, r.status, Number(r.delay_bucket), r.reason]), r.n]),
  );
}

async function counted(): Promise<Map<string, number>> {
  const result =
    await db().execute(sql`select pt.status::text as status, pt.scheduled_at, pt.published_at, pt.updated_at, pt.last_error,
      pt.channel_id, pt.network::text as network, p.campaign_id, p.pillar_id, p.author_user_id, w.timezone
    from post_targets pt join posts p on p.id = pt.post_id join workspaces w on w.id = pt.workspace_id
    where pt.workspace_id = ${ws} and pt.scheduled_at is not null`);
  const want = new Map<string, number>();
  const instant = (v: unknown) => new Date(v as string | Date);
  for (const f of ledger.rowsOf<Record<string, unknown>>(result)) {
    const status = f.status === 'claimed' || f.status === 'sending' ? 'scheduled' : String(f.status);
    const scheduled = instant(f.scheduled_at);
    const bucket =
      status === 'published'
        ? delayBucketOf((instant(f.published_at ?? f.updated_at).getTime() - scheduled.getTime()) / 1000)
        : -1;
    const error = f.last_error as string | null;
    const reason =
      status === 'failed'
        ? (ERRORS[error ?? ''] ?? 'other')
        : status === 'held' && error?.startsWith('The charter ')
          ? 'charter'
          : '';
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: String(f.timezone) }).format(scheduled);
    const slices: [string, unknown][] = [
      ['all', ''],
      ['channel', f.channel_id],
      ['network', f.network],
      ['campaign', f.campaign_id],
      ['pillar', f.pillar_id],
      ['author', f.author_user_id],
    ];
    for (const [dim, value] of slices) {
      if (value === null || value === undefined) continue;
      const key = keyOf([day, dim, String(value), status, bucket, reason]);
      want.set(key, (want.get(key) ?? 0) + 1);
    }
  }
  return want;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t, { timezone: 'Europe/Paris' }));
  const editor = await addMember(t, owner, ws, 'editor');
  authorIds.push(owner.userId as string, editor.userId as string);
  for (const name of ['Alpha', 'Beta', 'Gamma']) channelIds.push(await createChannel(t, owner, ws, name));
  for (const name of ['Spring', 'Autumn']) {
    const [c] = await db()
      .insert(campaigns)
      .values({ workspaceId: ws, name, startsOn: '2026-03-01', endsOn: '2026-04-30', colour: '#336699' })
      .returning();
    campaignIds.push(c?.id as string);
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('report roll-ups', () => {
  it('the SQL delay buckets are the ones the reports read', async () => {
    for (const secs of [-3600, -61, -60, 0, 60, 61, 300, 301, 3600, 86_400, 259_200, 259_201, 1e7]) {
      const result = await db().execute(sql`select report_delay_bucket(${secs}::float8) as b`);
      expect([secs, Number(ledger.rowsOf<{ b: number }>(result)[0]?.b)]).toEqual([secs, delayBucketOf(secs)]);
    }
  });

  it('equal a fresh count of the facts after any sequence of transitions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        // Each run starts from no post: deleting them takes their targets out of the roll-up.
        await db().delete(posts).where(eq(posts.workspaceId, ws));
        expect(await rolledUp()).toEqual(new Map());
        const postIds: string[] = [];
        for (const op of ops) await apply(op, postIds);
        expect(await rolledUp()).toEqual(await counted());
        await foldReportRollups(db());
        expect(await rolledUp()).toEqual(await counted());
      }),
      { numRuns: 25, seed: Number(process.env.ROLLUP_SEED ?? 20261126) },
    );
  }, 300_000);
});
