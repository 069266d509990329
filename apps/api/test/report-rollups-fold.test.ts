// The Plan kept answer stays exact while two publishers move targets and folds run (decision 0255,
// 0311): the publisher's own steps (claim, `sending`) append nothing to the roll-up, the outcomes
// of two workers committed side by side are each counted once, and folding (three at once, while
// an outcome commits, then once more) changes neither the answer nor any count. The expected
// figures are the outcomes this test chose, not the roll-up's SQL.
import { posts } from '@cadence/db';
import * as ledger from '@cadence/domain/publishing/target-ledger';
import { foldReportRollups, rebuildReportRollups } from '@cadence/domain/reports/rollups/rebuild-rollups';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from './calendar-fixtures';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let ws: string;
const db = () => t.ctx.database.db;
const DAY = 86_400_000;
const POSTS = 12;

// Days before today: the report reads whole past days from the roll-up (today from the targets).
const now = new Date();
const scheduledOf = (i: number) => new Date(now.getTime() - (2 + (i % 3)) * DAY - i * 60_000);
const isoDate = (at: Date) => at.toISOString().slice(0, 10);
const range = `from=${isoDate(new Date(now.getTime() - 14 * DAY))}&to=${isoDate(new Date(now.getTime() + DAY))}`;

interface Week {
  planned: number;
  published: number;
  failed: number;
  onTime: number;
}

async function planKept(): Promise<{ weeks: Week[] }> {
  const res = await call(t, owner, {
    method: 'GET',
    url: `/api/v1/workspaces/${ws}/reports/plan-kept?${range}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const total = (weeks: Week[], field: keyof Week) => weeks.reduce((n, w) => n + w[field], 0);

async function rollupRows(): Promise<{ rows: number; unfolded: number; keys: number }> {
  const result = await db().execute(sql`select count(*)::int as rows,
      count(*) filter (where not folded)::int as unfolded,
      count(distinct (day, dim, dim_value, status, delay_bucket, reason))::int as keys
    from report_target_days where workspace_id = ${ws}`);
  const [row] = ledger.rowsOf<{ rows: number; unfolded: number; keys: number }>(result);
  return row ?? { rows: 0, unfolded: 0, keys: 0 };
}

/** A worker's outcomes for what it holds as `sending`: even posts published 30 s late, odd ones failed. */
async function finish(workerId: string, ids: Map<string, number>, postOf: Map<string, number>) {
  const at = new Date();
  const changes: ledger.LedgerChange[] = [...ids.keys()].map((id) =>
    (postOf.get(id) ?? 0) % 2 === 0
      ? { id, status: 'published', publishedAt: at }
      : { id, status: 'failed', lastError: 'The network had an error (HTTP 503)' },
  );
  await db().transaction((tx) => ledger.recordOutcomes(tx, workerId, changes, at));
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t, { timezone: 'Europe/Paris' }));
  const channelIds = [await createChannel(t, owner, ws, 'Alpha'), await createChannel(t, owner, ws, 'Beta')];
  for (let i = 0; i < POSTS; i++) {
    const [post] = await db()
      .insert(posts)
      .values({ workspaceId: ws, text: `post ${i}`, status: 'scheduled', scheduledAt: scheduledOf(i) })
      .returning();
    if (!post) throw new Error('no post');
    await ledger.addTargets(
      db(),
      channelIds.map((channelId) => ({
        postId: post.id,
        workspaceId: ws,
        channelId,
        network: 'sandbox' as const,
      })),
    );
    await ledger.reschedule(db(), post.id, scheduledOf(i), now);
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('report roll-ups under two publishers and concurrent folds', () => {
  it('counts each outcome once, before and after folding, however many folds run', async () => {
    const planned = POSTS * 2;
    const before = await planKept();
    expect(total(before.weeks, 'planned')).toBe(planned);
    expect(total(before.weeks, 'published')).toBe(0);
    await foldReportRollups(db());
    const rowsBeforeSending = await rollupRows();

    // Two workers claim half each and commit `sending`: nothing in the roll-up moves.
    const postOf = new Map<string, number>();
    const targets = ledger.rowsOf<{ id: string; text: string }>(
      await db().execute(
        sql`select pt.id, p.text from post_targets pt join posts p on p.id = pt.post_id where pt.workspace_id = ${ws}`,
      ),
    );
    for (const r of targets) postOf.set(r.id, Number(r.text.split(' ')[1]));
    const claim = { now: new Date(), lookAheadMs: 0, claimLeaseMs: 60_000, limit: POSTS };
    const first = await ledger.claimDue(db(), { ...claim, workerId: 'w1' });
    const second = await ledger.claimDue(db(), { ...claim, workerId: 'w2' });
    expect(first.length + second.length).toBe(planned);
    const sending = { now: new Date(), leaseMs: 60_000 };
    const w1 = await ledger.markSending(db(), { ...sending, workerId: 'w1', ids: first.map((c) => c.id) });
    const w2 = await ledger.markSending(db(), { ...sending, workerId: 'w2', ids: second.map((c) => c.id) });
    expect(await rollupRows()).toEqual(rowsBeforeSending);
    expect(await planKept()).toEqual(before);

    // Worker 1's outcomes, then worker 2's committed while three folds run.
    await finish('w1', w1, postOf);
    const [, ...folded] = await Promise.all([
      finish('w2', w2, postOf),
      foldReportRollups(db()),
      foldReportRollups(db()),
      foldReportRollups(db()),
    ]);
    // Worker 1's rows were committed before: one of the three folded them (the others waited on
    // its lock, then found them gone); a row folded twice would double the figures below.
    expect(folded.some((n) => n > 0)).toBe(true);
    const published = [...postOf.values()].filter((i) => i % 2 === 0).length;
    const unfolded = await planKept();
    expect(total(unfolded.weeks, 'planned')).toBe(planned);
    expect(total(unfolded.weeks, 'published')).toBe(published);
    expect(total(unfolded.weeks, 'failed')).toBe(planned - published);
    // Published at most a few minutes after now, days after the instant: none on time.
    expect(total(unfolded.weeks, 'onTime')).toBe(0);

    await foldReportRollups(db());
    const once = await rollupRows();
    expect(once.unfolded).toBe(0);
    expect(once.rows).toBe(once.keys);
    expect(await planKept()).toEqual(unfolded);

    // Folding again changes nothing, and a rebuild from the targets gives the same answer.
    expect(await foldReportRollups(db())).toBe(0);
    expect(await rollupRows()).toEqual(once);
    expect(await planKept()).toEqual(unfolded);
    await rebuildReportRollups(db(), ws);
    expect(await rollupRows()).toEqual(once);
    expect(await planKept()).toEqual(unfolded);
  }, 120_000);
});
