// The Workflow, Charter, Results and Best-time reports against a seeded workspace whose figures
// this test computes on its own (plain JavaScript statistics, Intl for Paris weeks and hours),
// plus CSV, "not available" never 0, isolation from another workspace, and viewer access.
import {
  campaigns,
  channelFollowerCounts,
  channels,
  postEvents,
  posts,
  postTargets,
  targetMetrics,
} from '@cadence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';
import { groupBy, isoWeekInParis, parisWeekdayHour, rng, steppedPercentile } from './reports-fixtures';

type Net = 'mastodon' | 'bluesky' | 'sandbox';
const FIGURES: Record<Net, string[]> = {
  mastodon: ['replies', 'reposts', 'likes'],
  bluesky: ['replies', 'reposts', 'likes', 'quotes'],
  sandbox: [],
};
const WENT_AHEAD = ['approved', 'scheduled', 'published'];
const RULES = ['bannedPhrases', 'maxLength', 'link', 'postingWindows'];

let t: TestApp;
let viewer: Caller;
let ws: string;
let otherWs: string;
const random = rng(23);
const start = Date.parse('2026-01-05T06:00:00Z');
const anyTime = () => new Date(start + Math.floor(random() * 34 * 24 * 60) * 60_000);

/** Approval pairs (turnaround seconds, approval instant) and rounds per reviewed post. */
const turnarounds: { secs: number; at: Date }[] = [];
const rounds: number[] = [];
/** Charter verdicts per post. */
const verdicts: { status: string; violations: { rule: string; severity: 'block' | 'warn' }[] }[] = [];
/** Published targets with the figures stored for them (none: not measured). */
interface Measured {
  postId: string;
  network: Net;
  campaign: string | null;
  publishedAt: Date;
  figures: Record<string, number>;
}
const published: Measured[] = [];
let postsTotal = 0;

const get = (section: string, query = 'from=2026-01-01&to=2026-03-01', workspaceId = ws) =>
  call(t, viewer, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/reports/${section}?${query}` });

async function seedPost(workspaceId: string, values: Partial<typeof posts.$inferInsert> = {}) {
  const [post] = await t.ctx.database.db
    .insert(posts)
    .values({ workspaceId, text: `Post ${postsTotal}`, status: 'draft', scheduledAt: anyTime(), ...values })
    .returning();
  if (workspaceId === ws) postsTotal++;
  if (!post) throw new Error('no post');
  return post;
}

async function seedWorkflow(workspaceId: string) {
  const { db } = t.ctx.database;
  for (let i = 0; i < 30; i++) {
    const post = await seedPost(workspaceId, { status: 'approved' });
    let at = anyTime().getTime();
    const ev = (action: string, to: string) => ({
      postId: post.id,
      workspaceId,
      action,
      toStatus: to as 'approved',
      createdAt: new Date(at),
    });
    const events = [ev('submitted', 'in_review')];
    const n = Math.floor(random() * 4);
    for (let r = 0; r < n; r++) {
      at += Math.floor(random() * 600) * 60_000;
      events.push(ev('changes_requested', 'changes_requested'));
      at += Math.floor(random() * 600) * 60_000;
      events.push(ev('submitted', 'in_review'));
    }
    const submitted = at;
    // Some posts need two approvals: the first leaves the post in review and is no turnaround.
    if (random() < 0.3) {
      at += Math.floor(random() * 300) * 60_000;
      events.push(ev('approved', 'in_review'));
    }
    at += (1 + Math.floor(random() * 2000)) * 60_000;
    events.push(ev('approved', 'approved'));
    for (const e of events) await db.insert(postEvents).values(e);
    if (workspaceId === ws) {
      turnarounds.push({ secs: (at - submitted) / 1000, at: new Date(at) });
      rounds.push(n);
    }
  }
}

async function seedCharter() {
  const statuses = ['draft', 'in_review', 'approved', 'scheduled', 'published'] as const;
  for (let i = 0; i < 25; i++) {
    const status = statuses[Math.floor(random() * statuses.length)] as (typeof statuses)[number];
    const violations = RULES.flatMap((rule) =>
      random() < 0.4 ? [{ rule, severity: (random() < 0.4 ? 'block' : 'warn') as 'block' | 'warn' }] : [],
    );
    // A rule that flags two places in one post is one verdict.
    if (violations[0]) violations.push({ ...violations[0] });
    const stored = violations.map((v) => ({ ...v, message: { en: 'x', fr: 'x' }, field: 'text' }));
    await seedPost(ws, { status, violations: stored });
    verdicts.push({ status, violations });
  }
}

async function seedResults() {
  const { db } = t.ctx.database;
  const channelOf: Record<Net, string> = { mastodon: '', bluesky: '', sandbox: '' };
  for (const network of Object.keys(channelOf) as Net[]) {
    const [c] = await db
      .insert(channels)
      .values({ workspaceId: ws, network, displayName: `${network} channel`, handle: `@${network}` })
      .returning();
    channelOf[network] = c?.id ?? '';
  }
  const campaignIds: string[] = [];
  for (const name of ['Spring', 'Launch']) {
    const [c] = await db
      .insert(campaigns)
      .values({ workspaceId: ws, name, startsOn: '2026-01-01', endsOn: '2026-03-01', colour: '#336699' })
      .returning();
    campaignIds.push(c?.id ?? '');
  }
  // A cluster on Tuesdays 10:xx in Paris (09:xx UTC in winter): enough posts for a suggestion.
  const tuesdays = [6, 13, 20, 27, 3, 10].map((d, i) => new Date(Date.UTC(2026, i < 4 ? 0 : 1, d, 9, 5 * i)));
  for (let i = 0; i < 46; i++) {
    const campaign = random() < 0.7 ? (campaignIds[Math.floor(random() * 2)] ?? null) : null;
    const publishedAt = tuesdays[i] ?? anyTime();
    const post = await seedPost(ws, { status: 'published', campaignId: campaign, scheduledAt: publishedAt });
    const networks = (['mastodon', 'bluesky', 'sandbox'] as Net[]).filter(
      (_, k) => k === i % 3 || random() < 0.4,
    );
    for (const network of networks) {
      const failed = random() < 0.1;
      const [target] = await db
        .insert(postTargets)
        .values({
          postId: post.id,
          workspaceId: ws,
          channelId: channelOf[network],
          network,
          status: failed ? 'failed' : 'published',
          scheduledAt: publishedAt,
          publishedAt: failed ? null : publishedAt,
        })
        .returning();
      if (!target || failed) continue;
      // About one target in six was never measured (no figures yet): not in any engagement.
      const measured = i < tuesdays.length || random() > 0.15;
      const figures = measured
        ? Object.fromEntries(FIGURES[network].map((m) => [m, Math.floor(random() * 500)]))
        : {};
      for (const [metric, value] of Object.entries(figures))
        await db.insert(targetMetrics).values({
          targetId: target.id,
          workspaceId: ws,
          metric: metric as 'likes',
          value,
          pulledAt: new Date(),
        });
      published.push({ postId: post.id, network, campaign, publishedAt, figures });
    }
  }
  for (const [day, followers] of [
    ['2026-01-02', 100],
    ['2026-01-20', 130],
    ['2026-02-27', 175],
    ['2026-03-05', 999],
  ] as const)
    await db.insert(channelFollowerCounts).values({
      channelId: channelOf.mastodon,
      workspaceId: ws,
      day,
      followers,
      pulledAt: new Date(`${day}T12:00:00Z`),
    });
}

beforeAll(async () => {
  t = await createTestApp();
  const { owner, workspaceId } = await setupOwner(t, { timezone: 'Europe/Paris' });
  ws = workspaceId;
  viewer = await addMember(t, owner, ws, 'viewer');
  const other = await call(t, owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Other', timezone: 'UTC', locale: 'en' },
  });
  otherWs = other.json().id;
  await seedWorkflow(ws);
  await seedWorkflow(otherWs);
  await seedCharter();
  await seedResults();
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const engagement = (m: Measured) => sum(Object.values(m.figures));
const isMeasured = (m: Measured) => Object.keys(m.figures).length > 0;
const close = (v: number | null) => (v === null ? null : expect.closeTo(v, 6));

describe('GET /reports/workflow', () => {
  it('turnaround p50/p90 overall and per Paris week, and rounds of changes, match an independent computation', async () => {
    const res = await get('workflow');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const secs = turnarounds.map((x) => x.secs);
    expect(body.approvals).toBe(turnarounds.length);
    expect(body.turnaroundP50Seconds).toBe(steppedPercentile(secs, 0.5));
    expect(body.turnaroundP90Seconds).toBe(steppedPercentile(secs, 0.9));
    const weeks = [...groupBy(turnarounds, (x) => isoWeekInParis(x.at)).entries()].sort(([a], [b]) =>
      a.localeCompare(b),
    );
    expect(body.weeks.map((w: { week: string }) => w.week)).toEqual(weeks.map(([w]) => w));
    for (const [i, [, items]] of weeks.entries()) {
      const s = items.map((x) => x.secs);
      expect(body.weeks[i]).toMatchObject({
        approvals: items.length,
        turnaroundP50Seconds: steppedPercentile(s, 0.5),
        turnaroundP90Seconds: steppedPercentile(s, 0.9),
      });
    }
    expect(body.postsReviewed).toBe(rounds.length);
    expect(body.meanRounds).toEqual(close(sum(rounds) / rounds.length));
    const want = [0, 1, 2, 3]
      .map((r) => ({ rounds: r, posts: rounds.filter((n) => Math.min(n, 3) === r).length }))
      .filter((r) => r.posts > 0);
    expect(body.rounds).toEqual(want);
  });

  it('answers the weekly table as CSV', async () => {
    const res = await get('workflow', 'from=2026-01-01&to=2026-03-01&format=csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('week,week_start,approvals,turnaround_p50_seconds,turnaround_p90_seconds');
    expect(lines).toHaveLength((await get('workflow')).json().weeks.length + 1);
  });
});

describe('GET /reports/charter', () => {
  it('counts one verdict per post and rule, blocked / warned / overridden', async () => {
    const body = (await get('charter')).json();
    expect(body.postsChecked).toBe(postsTotal);
    const want = RULES.map((rule) => {
      const has = (sev: string) =>
        verdicts.filter((v) => v.violations.some((x) => x.rule === rule && x.severity === sev));
      return {
        rule,
        blocked: has('block').length,
        warned: has('warn').length,
        overridden: has('warn').filter((v) => WENT_AHEAD.includes(v.status)).length,
      };
    }).filter((r) => r.blocked + r.warned > 0);
    const byRule = Object.fromEntries(body.rules.map((r: { rule: string }) => [r.rule, r]));
    expect(Object.keys(byRule).sort()).toEqual(want.map((r) => r.rule).sort());
    for (const r of want) expect(byRule[r.rule]).toEqual(r);
    const weekly = sum(body.weeks.map((w: { blocked: number; warned: number }) => w.blocked + w.warned));
    expect(weekly).toBe(sum(want.map((r) => r.blocked + r.warned)));
  });
});

describe('GET /reports/results', () => {
  it('sums figures per network, with "not available" as null, never 0', async () => {
    const body = (await get('results')).json();
    for (const network of ['mastodon', 'bluesky', 'sandbox'] as Net[]) {
      const rows = published.filter((m) => m.network === network);
      const measured = rows.filter(isMeasured);
      const got = body.networks.find((n: { network: string }) => n.network === network);
      const figure = (name: string) =>
        FIGURES[network].includes(name) && measured.length > 0
          ? sum(measured.map((m) => m.figures[name] ?? 0))
          : null;
      const eng = measured.length > 0 ? sum(measured.map(engagement)) : null;
      expect(got).toEqual({
        network,
        targets: rows.length,
        measured: measured.length,
        replies: figure('replies'),
        reposts: figure('reposts'),
        likes: figure('likes'),
        quotes: figure('quotes'),
        engagement: eng,
        engagementPerPost: eng === null ? null : close(eng / measured.length),
      });
    }
    // Mastodon gives no quotes, the sandbox no figures at all: not available, not zero.
    expect(body.networks.find((n: { network: string }) => n.network === 'mastodon').quotes).toBeNull();
    const csv = (await get('results', 'from=2026-01-01&to=2026-03-01&format=csv')).body.split('\n');
    expect(csv.find((l) => l.startsWith('sandbox,'))).toMatch(/^sandbox,\d+,0,,,,,,$/);
  });

  it('ranks posts by engagement (top and bottom five) and rolls up campaigns', async () => {
    const body = (await get('results')).json();
    const perPost = [...groupBy(published.filter(isMeasured), (m) => m.postId).entries()].map(
      ([postId, ms]) => ({
        postId,
        engagement: sum(ms.map(engagement)),
      }),
    );
    const order = (a: { engagement: number; postId: string }, b: typeof a) =>
      a.engagement - b.engagement || (a.postId < b.postId ? -1 : 1);
    const asc = [...perPost].sort(order);
    const desc = [...perPost].sort((a, b) => b.engagement - a.engagement || (a.postId < b.postId ? -1 : 1));
    expect(body.top.map((p: { engagement: number }) => p.engagement)).toEqual(
      desc.slice(0, 5).map((p) => p.engagement),
    );
    expect(body.bottom.map((p: { engagement: number }) => p.engagement)).toEqual(
      asc.slice(0, 5).map((p) => p.engagement),
    );
    for (const [campaign, ms] of groupBy(published, (m) => m.campaign ?? 'none')) {
      const got = body.campaigns.find(
        (c: { campaignId: string | null }) => (c.campaignId ?? 'none') === campaign,
      );
      const measured = ms.filter(isMeasured);
      expect(got).toMatchObject({
        targets: ms.length,
        measured: measured.length,
        engagement: sum(measured.map(engagement)),
      });
    }
  });

  it('shows follower change per channel over the period (days inside it only)', async () => {
    const body = (await get('results')).json();
    expect(body.followers).toEqual([
      expect.objectContaining({ network: 'mastodon', first: 100, last: 175, change: 75 }),
    ]);
  });
});

describe('GET /reports/best-time', () => {
  it('places each measured post at its Paris weekday and hour, and suggests only cells with enough posts', async () => {
    const body = (await get('best-time')).json();
    const cells = [
      ...groupBy(published.filter(isMeasured), (m) => {
        const { weekday, hour } = parisWeekdayHour(m.publishedAt);
        return `${weekday}:${hour}`;
      }).entries(),
    ]
      .map(([key, ms]) => {
        const [weekday, hour] = key.split(':').map(Number);
        return {
          weekday,
          hour,
          posts: ms.length,
          engagementPerPost: close(sum(ms.map(engagement)) / ms.length),
        };
      })
      .sort((a, b) => (a.weekday ?? 0) - (b.weekday ?? 0) || (a.hour ?? 0) - (b.hour ?? 0));
    expect(body.cells).toEqual(cells);
    expect(body.minPosts).toBe(5);
    const enough = body.cells.filter((c: { posts: number }) => c.posts >= 5);
    expect(body.suggestions.length).toBe(Math.min(3, enough.length));
    // The Tuesday 10:00 cluster (six posts published 09:xx UTC) is the one cell with enough posts.
    expect(body.suggestions[0]).toMatchObject({ weekday: 2, hour: 10 });
    const small = (await get('best-time', 'from=2026-01-01&to=2026-01-08')).json();
    expect(small.suggestions).toEqual([]);
  });
});

describe('every section', () => {
  it.each(['workflow', 'charter', 'results', 'best-time'])(
    '%s counts nothing of another workspace, refuses a bad period with 400 naming the field',
    async (section) => {
      const other = (await get(section, 'from=2026-01-01&to=2026-03-01', otherWs)).statusCode;
      // A viewer of one workspace learns nothing of another (not even that it exists); its 30
      // approvals were seeded in the same weeks and never show in the figures checked above.
      expect(other).toBe(404);
      const bad = await get(section, 'from=yesterday&to=2026-03-01');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('from');
    },
  );
});
