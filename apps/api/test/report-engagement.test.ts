// The engagement roll-ups behind Results and Best time (decision 0305) give the figures this test
// computes on its own from what it recorded (plain sums, Intl for Paris weekdays and hours), over
// a period crossing the spring DST change, after figures recorded in several pulls (each raising
// some figures: deltas), a fold, a deleted post, a post moved to another campaign, and again after
// a rebuild from the facts;
// unfiltered (the roll-up), with one filter (a slice) and two (the per-target snapshot). Another
// workspace's figures in the same days never show. The published-target counts under filters come
// from report_published_days (decision 0314): its rows are checked against the targets themselves
// through a status change, a moved post, a fold and a rebuild from nothing.
import { campaigns, channels, posts, postTargets, reportPublishedDays } from '@cadence/db';
import { recordTargetMetrics } from '@cadence/domain/reports/metrics/record-metrics';
import {
  foldEngagementRollups,
  rebuildEngagementRollups,
} from '@cadence/domain/reports/rollups/engagement-rollups';
import { foldReportRollups, rebuildReportRollups } from '@cadence/domain/reports/rollups/rebuild-rollups';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';
import { groupBy, parisWeekdayHour, rng } from './reports-fixtures';

type Net = 'mastodon' | 'bluesky';
const FIGURES: Record<Net, string[]> = {
  mastodon: ['replies', 'reposts', 'likes'],
  bluesky: ['replies', 'reposts', 'likes', 'quotes'],
};
const PERIOD = 'from=2026-03-23&to=2026-04-06'; // Paris moves to summer time on 29 March

let t: TestApp;
let viewer: Caller;
let ws: string;
let otherWs: string;
let ownerId: string;
/** Posts given an author by the last describe (the seed gives none). */
const authorOf = new Map<string, string>();
const random = rng(41);
const channelOf: Record<string, Record<Net, string>> = {};
const campaignIds: string[] = [];

interface Target {
  id: string;
  postId: string;
  channelId: string;
  network: Net;
  campaign: string | null;
  publishedAt: Date;
  figures: Record<string, number>;
}
const targets: Target[] = [];
let unmeasuredPublished: Target[] = [];

const db = () => t.ctx.database.db;
const get = (section: string, query = PERIOD, workspaceId = ws) =>
  call(t, viewer, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/reports/${section}?${query}` });

async function seedWorkspace(workspaceId: string, keep: boolean) {
  channelOf[workspaceId] = { mastodon: '', bluesky: '' };
  for (const network of ['mastodon', 'bluesky'] as Net[]) {
    const [c] = await db()
      .insert(channels)
      .values({ workspaceId, network, displayName: network, handle: `@${network}` })
      .returning();
    (channelOf[workspaceId] as Record<Net, string>)[network] = c?.id ?? '';
  }
  const ids: string[] = [];
  for (const name of ['Spring', 'Launch']) {
    const [c] = await db()
      .insert(campaigns)
      .values({ workspaceId, name, startsOn: '2026-03-01', endsOn: '2026-04-30', colour: '#336699' })
      .returning();
    ids.push(c?.id ?? '');
  }
  if (keep) campaignIds.push(...ids);
  // 60 posts from 21 March to 8 April, so some fall outside the period; many around 29 March.
  for (let i = 0; i < 60; i++) {
    const at = new Date(Date.parse('2026-03-21T00:00:00Z') + Math.floor(random() * 18 * 24 * 60) * 60_000);
    const campaign = random() < 0.7 ? (ids[Math.floor(random() * 2)] ?? null) : null;
    const [post] = await db()
      .insert(posts)
      .values({ workspaceId, text: `Post ${i}`, status: 'published', scheduledAt: at, campaignId: campaign })
      .returning();
    if (!post) throw new Error('no post');
    const nets = (['mastodon', 'bluesky'] as Net[]).filter((_, k) => k === i % 2 || random() < 0.5);
    for (const network of nets) {
      const failed = random() < 0.1;
      // Published a few minutes late: the cell is the publication's hour, the period the schedule's.
      const publishedAt = new Date(at.getTime() + Math.floor(random() * 40) * 60_000);
      const [target] = await db()
        .insert(postTargets)
        .values({
          postId: post.id,
          workspaceId,
          channelId: (channelOf[workspaceId] as Record<Net, string>)[network],
          network,
          status: failed ? 'failed' : 'published',
          scheduledAt: at,
          publishedAt: failed ? null : publishedAt,
        })
        .returning();
      if (!target || failed) continue;
      const row: Target = {
        id: target.id,
        postId: post.id,
        channelId: target.channelId,
        network,
        campaign,
        publishedAt,
        figures: {},
      };
      if (keep) targets.push(row);
    }
  }
}

/** One pull per target (one in six skipped: not measured yet), each figure only ever growing. */
async function pull(workspaceId: string, list: readonly Target[], pulledAt: Date) {
  for (const target of list) {
    if (random() < 1 / 6) continue;
    const figures = Object.fromEntries(
      FIGURES[target.network].map((m) => [m, (target.figures[m] ?? 0) + Math.floor(random() * 30)]),
    );
    await recordTargetMetrics(db(), { targetId: target.id, workspaceId, figures, pulledAt });
    target.figures = figures;
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const engagement = (x: Target) => sum(Object.values(x.figures));
const measured = (x: Target) => Object.keys(x.figures).length > 0;
const inPeriod = (x: Target) => {
  const scheduled = targetsScheduled.get(x.id) as Date;
  return scheduled >= new Date('2026-03-22T23:00:00Z') && scheduled < new Date('2026-04-05T22:00:00Z');
};
const targetsScheduled = new Map<string, Date>();

function expected(filter: (x: Target) => boolean) {
  const scope = targets.filter((x) => inPeriod(x) && filter(x));
  const m = scope.filter(measured);
  const figure = (rows: Target[], name: string) => {
    const having = rows.filter((x) => x.figures[name] !== undefined);
    return having.length > 0 ? sum(having.map((x) => x.figures[name] ?? 0)) : null;
  };
  const networks = [...groupBy(scope, (x) => x.network)].map(([network, rows]) => {
    const rm = rows.filter(measured);
    const eng = rm.length > 0 ? sum(rm.map(engagement)) : null;
    return {
      network,
      targets: rows.length,
      measured: rm.length,
      replies: figure(rm, 'replies'),
      reposts: figure(rm, 'reposts'),
      likes: figure(rm, 'likes'),
      quotes: figure(rm, 'quotes'),
      engagement: eng,
      engagementPerPost: eng === null ? null : expect.closeTo(eng / rm.length, 6),
    };
  });
  const campaignRows = [...groupBy(scope, (x) => x.campaign ?? '')].map(([campaign, rows]) => {
    const rm = rows.filter(measured);
    return {
      campaignId: campaign || null,
      targets: rows.length,
      measured: rm.length,
      engagement: rm.length > 0 ? sum(rm.map(engagement)) : null,
    };
  });
  const perPost = [...groupBy(m, (x) => x.postId)].map(([postId, rows]) => ({
    postId,
    engagement: sum(rows.map(engagement)),
    networks: [...new Set(rows.map((x) => x.network))].sort(),
  }));
  const byId = (a: { postId: string }, b: { postId: string }) => (a.postId < b.postId ? -1 : 1);
  const top = [...perPost].sort((a, b) => b.engagement - a.engagement || byId(a, b)).slice(0, 5);
  const bottom = [...perPost].sort((a, b) => a.engagement - b.engagement || byId(a, b)).slice(0, 5);
  const cells = [
    ...groupBy(m, (x) => {
      const { weekday, hour } = parisWeekdayHour(x.publishedAt);
      return `${weekday}:${hour}`;
    }),
  ]
    .map(([key, rows]) => {
      const [weekday, hour] = key.split(':').map(Number) as [number, number];
      return {
        weekday,
        hour,
        posts: rows.length,
        engagementPerPost: expect.closeTo(sum(rows.map(engagement)) / rows.length, 6),
      };
    })
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  return { networks, campaignRows, top, bottom, cells };
}

async function expectReports(query: string, filter: (x: Target) => boolean) {
  const want = expected(filter);
  const results = (await get('results', `${PERIOD}${query}`)).json();
  const networkOrder = ['mastodon', 'bluesky'];
  expect(results.networks).toEqual(
    [...want.networks].sort((a, b) => networkOrder.indexOf(a.network) - networkOrder.indexOf(b.network)),
  );
  expect(results.campaigns).toHaveLength(want.campaignRows.length);
  for (const c of want.campaignRows) expect(results.campaigns).toContainEqual(expect.objectContaining(c));
  const listed = (rows: { postId: string; engagement: number; networks: string[] }[]) =>
    rows.map(({ postId, engagement, networks }) => ({ postId, engagement, networks: [...networks].sort() }));
  expect(listed(results.top)).toEqual(want.top);
  expect(listed(results.bottom)).toEqual(want.bottom);
  const bestTime = (await get('best-time', `${PERIOD}${query}`)).json();
  expect(bestTime.cells).toEqual(want.cells);
}

beforeAll(async () => {
  t = await createTestApp();
  const { owner, workspaceId } = await setupOwner(t, { timezone: 'Europe/Paris' });
  ws = workspaceId;
  ownerId = owner.userId as string;
  viewer = await addMember(t, owner, ws, 'viewer');
  const other = await call(t, owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Other', timezone: 'Europe/Paris', locale: 'en' },
  });
  otherWs = other.json().id;
  await seedWorkspace(ws, true);
  for (const x of targets) {
    const [row] = await db().select().from(postTargets).where(eq(postTargets.id, x.id));
    targetsScheduled.set(x.id, row?.scheduledAt as Date);
  }
  await seedWorkspace(otherWs, false);
  const otherTargets = await db().select().from(postTargets).where(eq(postTargets.workspaceId, otherWs));
  await pull(
    otherWs,
    otherTargets
      .filter((x) => x.status === 'published')
      .map((x) => ({
        ...x,
        campaign: null,
        figures: {},
        network: x.network as Net,
        publishedAt: new Date(),
      })),
    new Date('2026-04-07T00:00:00Z'),
  );
  await pull(ws, targets, new Date('2026-04-07T00:00:00Z'));
  await foldEngagementRollups(db());
  await pull(ws, targets, new Date('2026-04-08T00:00:00Z'));
  unmeasuredPublished = targets.filter((x) => !measured(x));
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('Results and Best time from the engagement roll-ups', () => {
  it('match an independent computation, unfiltered, with one filter and with two', async () => {
    // The seed leaves published targets without figures: counted as targets, not measured.
    expect(unmeasuredPublished.length).toBeGreaterThan(0);
    await expectReports('', () => true);
    const mastodon = channelOf[ws]?.mastodon as string;
    await expectReports(`&channelId=${mastodon}`, (x) => x.channelId === mastodon);
    await expectReports(`&campaignId=${campaignIds[0]}`, (x) => x.campaign === campaignIds[0]);
    await expectReports(
      `&network=bluesky&campaignId=${campaignIds[1]}`,
      (x) => x.network === 'bluesky' && x.campaign === campaignIds[1],
    );
  });

  it('follow a deleted post out, and give the same figures after a fold and after a rebuild', async () => {
    const gone = targets.find((x) => measured(x) && inPeriod(x)) as Target;
    await db().delete(posts).where(eq(posts.id, gone.postId));
    targets.splice(0, targets.length, ...targets.filter((x) => x.postId !== gone.postId));
    await expectReports('', () => true);
    // A measured post moved to the other campaign takes its figures along.
    const moved = targets.find((x) => measured(x) && inPeriod(x) && x.campaign === campaignIds[0]) as Target;
    await db().update(posts).set({ campaignId: campaignIds[1] }).where(eq(posts.id, moved.postId));
    for (const x of targets) if (x.postId === moved.postId) x.campaign = campaignIds[1] ?? null;
    await expectReports(`&campaignId=${campaignIds[1]}`, (x) => x.campaign === campaignIds[1]);
    await foldEngagementRollups(db());
    await expectReports('', () => true);
    await rebuildEngagementRollups(db(), ws);
    await expectReports('', () => true);
    const mastodon = channelOf[ws]?.mastodon as string;
    await expectReports(`&channelId=${mastodon}`, (x) => x.channelId === mastodon);
  });

  it('the cells count the hour of publication in Paris on both sides of the DST change', async () => {
    const cells = (await get('best-time')).json().cells as { posts: number }[];
    const winter = targets.filter(
      (x) => measured(x) && inPeriod(x) && x.publishedAt < new Date('2026-03-29T01:00:00Z'),
    );
    const summer = targets.filter(
      (x) => measured(x) && inPeriod(x) && x.publishedAt >= new Date('2026-03-29T01:00:00Z'),
    );
    expect(winter.length).toBeGreaterThan(0);
    expect(summer.length).toBeGreaterThan(0);
    expect(sum(cells.map((c) => c.posts))).toBe(winter.length + summer.length);
  });
});

/** report_published_days summed per slice, network and campaign, against the published targets kept. */
async function expectPublishedRollup() {
  const want = new Map<string, number>();
  for (const x of targets) {
    const slices = [
      ['all', ''],
      ['channel', x.channelId],
      ['network', x.network],
    ];
    if (x.campaign) slices.push(['campaign', x.campaign]);
    const author = authorOf.get(x.postId);
    if (author) slices.push(['author', author], ['channel+author', `${x.channelId}:${author}`]);
    for (const [dim, value] of slices) {
      const key = `${dim}|${value}|${x.network}|${x.campaign ?? ''}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
  }
  const rows = (await db().execute(sql`select r.dim, r.dim_value, r.network,
      coalesce(r.campaign_id::text, '') as campaign, sum(r.n)::int as n
    from ${reportPublishedDays} r where r.workspace_id = ${ws}
    group by 1, 2, 3, 4 having sum(r.n) <> 0`)) as unknown as {
    rows: { dim: string; dim_value: string; network: string; campaign: string; n: number }[];
  };
  const got = new Map(rows.rows.map((r) => [`${r.dim}|${r.dim_value}|${r.network}|${r.campaign}`, r.n]));
  expect(got).toEqual(want);
}

describe('Published-target counts under filters from report_published_days', () => {
  const mastodon = () => channelOf[ws]?.mastodon as string;
  async function expectFiltered() {
    await expectPublishedRollup();
    await expectReports(
      `&channelId=${mastodon()}&campaignId=${campaignIds[0]}`,
      (x) => x.channelId === mastodon() && x.campaign === campaignIds[0],
    );
    await expectReports(
      `&network=mastodon&campaignId=${campaignIds[1]}`,
      (x) => x.network === 'mastodon' && x.campaign === campaignIds[1],
    );
    await expectReports(`&network=bluesky`, (x) => x.network === 'bluesky');
    await expectReports(
      `&channelId=${mastodon()}&authorId=${ownerId}`,
      (x) => x.channelId === mastodon() && authorOf.get(x.postId) === ownerId,
    );
    await expectReports(`&campaignId=${campaignIds[1]}`, (x) => x.campaign === campaignIds[1]);
  }

  it('match the targets through a status change, a moved post, a fold and a rebuild', async () => {
    // Half the posts get an author: the posts trigger moves their targets into its slices.
    const authored = [...new Set(targets.map((x) => x.postId))].filter((_, i) => i % 2 === 0);
    for (const postId of authored) {
      await db().update(posts).set({ authorUserId: ownerId }).where(eq(posts.id, postId));
      authorOf.set(postId, ownerId);
    }
    await expectFiltered();
    // A published target without figures fails after all: it leaves the counts (update trigger).
    const failed = targets.find((x) => !measured(x) && inPeriod(x)) as Target;
    await db().update(postTargets).set({ status: 'failed' }).where(eq(postTargets.id, failed.id));
    targets.splice(targets.indexOf(failed), 1);
    // A post moved out of its campaign moves its published targets (the posts trigger).
    const moved = targets.find((x) => inPeriod(x) && x.campaign === campaignIds[0]) as Target;
    await db().update(posts).set({ campaignId: null }).where(eq(posts.id, moved.postId));
    for (const x of targets) if (x.postId === moved.postId) x.campaign = null;
    await expectFiltered();
    await foldReportRollups(db());
    await expectFiltered();
    // The rebuild fills the table from the targets alone.
    await db().delete(reportPublishedDays).where(eq(reportPublishedDays.workspaceId, ws));
    await rebuildReportRollups(db(), ws);
    await expectFiltered();
  });
});
