// The Workflow and Charter reports read from report_post_days (decision 0302): against a seeded
// workspace whose figures this test computes on its own from what it wrote, with no filter, one,
// two and three filters, whole days and a period given as instants (partial days from the facts);
// then the same answers after the fold job and after a rebuild from the facts; then the charter
// following later changes (verdicts, status, an added target, a deleted post).
import { campaigns, channels, postEvents, posts, postTargets } from '@cadence/db';
import { foldReportRollups, rebuildReportRollups } from '@cadence/domain/reports/rollups/rebuild-rollups';
import { turnaroundBucketOf } from '@cadence/domain/reports/rollups/turnaround-buckets';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';
import { groupBy, isoWeekInParis, rng, steppedPercentile } from './reports-fixtures';

type Net = 'mastodon' | 'bluesky';
type Verdict = { rule: string; severity: 'block' | 'warn' };
interface Seeded {
  id: string;
  author: string;
  campaign: string | null;
  pillar: string | null;
  /** Channels when the review events were recorded, and now. */
  eventChannels: string[];
  channels: string[];
  status: string;
  scheduledAt: Date;
  violations: Verdict[];
  firstSubmittedAt: Date;
  rounds: number;
  approval: { at: Date; secs: number } | null;
  deleted: boolean;
}

const WENT_AHEAD = ['approved', 'scheduled', 'published'];
let t: TestApp;
let viewer: Caller;
let ws: string;
const authors: string[] = [];
const channelIds: string[] = [];
const networkOf: Record<string, Net> = {};
const campaignIds: string[] = [];
const seeded: Seeded[] = [];
const random = rng(302);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const db = () => t.ctx.database.db;

async function seedPost(i: number) {
  // Planned and reviewed in January and February (Paris), a few near the edges of the periods.
  const scheduledAt = new Date(
    Date.UTC(2026, 0, 3 + Math.floor(random() * 52), Math.floor(random() * 24), 7),
  );
  const entry: Seeded = {
    id: '',
    author: pick(authors),
    campaign: pick([...campaignIds, null]),
    pillar: pick(['education', 'product', null]),
    eventChannels: [],
    channels: channelIds.filter((_, k) => k === i % 3 || random() < 0.3),
    status: pick(['draft', 'in_review', 'approved', 'scheduled', 'published']),
    scheduledAt,
    violations: ['bannedPhrases', 'maxLength', 'link'].flatMap((rule) =>
      random() < 0.3 ? [{ rule, severity: pick(['block', 'warn'] as const) }] : [],
    ),
    firstSubmittedAt: new Date(scheduledAt.getTime() - (2 + Math.floor(random() * 40)) * 3_600_000),
    rounds: Math.floor(random() * 5),
    approval: null,
    deleted: false,
  };
  entry.eventChannels = [...entry.channels];
  // The post and its targets in one transaction, as the composer writes them.
  await db().transaction(async (tx) => {
    const [post] = await tx
      .insert(posts)
      .values({
        workspaceId: ws,
        authorUserId: entry.author,
        campaignId: entry.campaign,
        pillarId: entry.pillar,
        text: `Post ${i}`,
        status: entry.status as 'draft',
        scheduledAt,
        violations: entry.violations.map((v) => ({ ...v, message: { en: 'x', fr: 'x' }, field: 'text' })),
      })
      .returning();
    entry.id = post?.id ?? '';
    for (const channelId of entry.channels)
      await tx.insert(postTargets).values({
        postId: entry.id,
        workspaceId: ws,
        channelId,
        network: networkOf[channelId] as Net,
        status: 'scheduled',
        scheduledAt,
      });
  });
  // Review history, oldest first: submitted, then per round a change request and a resubmission,
  // then (for most posts) the approval.
  let at = entry.firstSubmittedAt.getTime();
  const ev = (action: string, toStatus: string) => ({
    postId: entry.id,
    workspaceId: ws,
    action,
    toStatus: toStatus as 'approved',
    createdAt: new Date(at),
  });
  const events = [ev('submitted', 'in_review')];
  for (let r = 0; r < entry.rounds; r++) {
    at += (1 + Math.floor(random() * 300)) * 60_000;
    events.push(ev('changes_requested', 'changes_requested'));
    at += (1 + Math.floor(random() * 300)) * 60_000;
    events.push(ev('submitted', 'in_review'));
  }
  const submittedAt = at;
  if (random() < 0.8) {
    at += (1 + Math.floor(random() * 4000)) * 60_000;
    events.push(ev('approved', 'approved'));
    entry.approval = { at: new Date(at), secs: (at - submittedAt) / 1000 };
  }
  await db().insert(postEvents).values(events);
  seeded.push(entry);
}

beforeAll(async () => {
  t = await createTestApp();
  const { owner, workspaceId } = await setupOwner(t, { timezone: 'Europe/Paris' });
  ws = workspaceId;
  const editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  authors.push(owner.userId ?? '', editor.userId ?? '');
  for (const [k, network] of (['mastodon', 'mastodon', 'bluesky'] as Net[]).entries()) {
    const [c] = await db()
      .insert(channels)
      .values({ workspaceId: ws, network, displayName: `${network} ${k}`, handle: `@${network}${k}` })
      .returning();
    channelIds.push(c?.id ?? '');
    networkOf[c?.id ?? ''] = network;
  }
  for (const name of ['Spring', 'Launch']) {
    const [c] = await db()
      .insert(campaigns)
      .values({ workspaceId: ws, name, startsOn: '2026-01-01', endsOn: '2026-03-01', colour: '#336699' })
      .returning();
    campaignIds.push(c?.id ?? '');
  }
  for (let i = 0; i < 70; i++) await seedPost(i);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

interface Filter {
  name: string;
  query: () => string;
  /** Whether a post matches, given its channels (as of its events for Workflow, now for Charter). */
  keep: (s: Seeded, channels: string[]) => boolean;
}

const FILTERS: Filter[] = [
  { name: 'none', query: () => '', keep: () => true },
  { name: 'author', query: () => `authorId=${authors[1]}`, keep: (s) => s.author === authors[1] },
  {
    name: 'channel and author',
    query: () => `channelId=${channelIds[0]}&authorId=${authors[0]}`,
    keep: (s, chans) => chans.includes(channelIds[0] ?? '') && s.author === authors[0],
  },
  {
    name: 'campaign and network',
    query: () => `campaignId=${campaignIds[1]}&network=bluesky`,
    keep: (s, chans) => s.campaign === campaignIds[1] && chans.some((c) => networkOf[c] === 'bluesky'),
  },
  {
    name: 'pillar, network and channel',
    query: () => `pillarId=education&network=mastodon&channelId=${channelIds[1]}`,
    keep: (s, chans) => s.pillar === 'education' && chans.includes(channelIds[1] ?? ''),
  },
];

const PERIODS = [
  {
    from: new Date('2026-01-01T00:00:00+01:00'),
    to: new Date('2026-03-01T00:00:00+01:00'),
    query: 'from=2026-01-01&to=2026-03-01',
  },
  // Instants in the middle of Paris days: the partial days at each end are read from the facts.
  {
    from: new Date('2026-01-14T10:30:00Z'),
    to: new Date('2026-02-17T15:45:00Z'),
    query: 'from=2026-01-14T10:30:00Z&to=2026-02-17T15:45:00Z',
  },
];

const inPeriod = (at: Date, p: (typeof PERIODS)[number]) => at >= p.from && at < p.to;

function expectedWorkflow(f: Filter, p: (typeof PERIODS)[number]) {
  const mine = seeded.filter((s) => f.keep(s, s.eventChannels));
  const approvals = mine.flatMap((s) => (s.approval && inPeriod(s.approval.at, p) ? [s.approval] : []));
  const reviewed = mine.filter((s) => inPeriod(s.firstSubmittedAt, p)).map((s) => s.rounds);
  const weeks = [...groupBy(approvals, (a) => isoWeekInParis(a.at)).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, items]) => ({
      week,
      approvals: items.length,
      turnaroundP50Seconds: steppedPercentile(
        items.map((a) => a.secs),
        0.5,
      ),
      turnaroundP90Seconds: steppedPercentile(
        items.map((a) => a.secs),
        0.9,
      ),
    }));
  return {
    approvals: approvals.length,
    turnaroundP50Seconds: steppedPercentile(
      approvals.map((a) => a.secs),
      0.5,
    ),
    turnaroundP90Seconds: steppedPercentile(
      approvals.map((a) => a.secs),
      0.9,
    ),
    postsReviewed: reviewed.length,
    meanRounds: reviewed.length === 0 ? null : expect.closeTo(sum(reviewed) / reviewed.length, 9),
    rounds: [0, 1, 2, 3]
      .map((r) => ({ rounds: r, posts: reviewed.filter((n) => Math.min(n, 3) === r).length }))
      .filter((r) => r.posts > 0),
    weeks: weeks.map((w) => expect.objectContaining(w)),
  };
}

function expectedCharter(f: Filter, p: (typeof PERIODS)[number]) {
  const mine = seeded.filter((s) => !s.deleted && f.keep(s, s.channels) && inPeriod(s.scheduledAt, p));
  const count = (items: Seeded[], rule: string) => {
    const has = (sev: string) =>
      items.filter((s) => s.violations.some((v) => v.rule === rule && v.severity === sev));
    return {
      rule,
      blocked: has('block').length,
      warned: has('warn').length,
      overridden: has('warn').filter((s) => WENT_AHEAD.includes(s.status)).length,
    };
  };
  const rules = (items: Seeded[]) =>
    [...new Set(items.flatMap((s) => s.violations.map((v) => v.rule)))]
      .sort()
      .map((rule) => count(items, rule));
  const weeks = [...groupBy(mine, (s) => isoWeekInParis(s.scheduledAt)).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([week, items]) => rules(items).map((r) => ({ week, ...r })));
  return { postsChecked: mine.length, rules: rules(mine), weeks };
}

async function answers(f: Filter, p: (typeof PERIODS)[number]) {
  const get = async (section: string) => {
    const res = await call(t, viewer, {
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/reports/${section}?${p.query}&${f.query()}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const workflow = await get('workflow');
  const charter = await get('charter');
  const byRule = (a: { rule: string }, b: { rule: string }) => a.rule.localeCompare(b.rule);
  return {
    workflow,
    charter: {
      postsChecked: charter.postsChecked,
      rules: [...charter.rules].sort(byRule),
      weeks: charter.weeks.map(
        ({ weekStart: _, ...w }: { weekStart: string; week: string; rule: string }) => w,
      ),
    },
  };
}

const CASES = PERIODS.flatMap((p, i) => FILTERS.map((f) => [`${f.name}, period ${i + 1}`, f, p] as const));

describe('Workflow and Charter from the roll-up', () => {
  it('the SQL turnaround buckets are the ones the report reads', async () => {
    for (const secs of [0, 300, 301, 3600, 3601, 86_400, 604_800, 604_801, 1e8]) {
      const result = (await db().execute(
        sql`select report_turnaround_bucket(${secs}::float8) as b`,
      )) as unknown as {
        rows: { b: number }[];
      };
      expect([secs, Number(result.rows[0]?.b)]).toEqual([secs, turnaroundBucketOf(secs)]);
    }
  });

  it.each(CASES)('match an independent computation (%s)', async (_name, f, p) => {
    const got = await answers(f, p);
    expect(got.workflow).toMatchObject(expectedWorkflow(f, p));
    expect(got.charter).toEqual(expectedCharter(f, p));
  });

  it('answer the same after the fold job and after a rebuild from the facts', async () => {
    const before = await Promise.all(CASES.map(([, f, p]) => answers(f, p)));
    expect(await foldReportRollups(db())).toBeGreaterThan(0);
    expect(await Promise.all(CASES.map(([, f, p]) => answers(f, p)))).toEqual(before);
    await rebuildReportRollups(db(), ws);
    expect(await Promise.all(CASES.map(([, f, p]) => answers(f, p)))).toEqual(before);
  });

  it('follow later changes: verdicts, status, a target added, a post deleted', async () => {
    const [a, b, c, d] = seeded.filter((s) => s.violations.length > 0 || s.status === 'draft');
    if (!a || !b || !c || !d) throw new Error('seed too small');
    a.violations = [{ rule: 'postingWindows', severity: 'warn' }];
    await db()
      .update(posts)
      .set({ violations: a.violations.map((v) => ({ ...v, message: { en: 'x', fr: 'x' }, field: 'text' })) })
      .where(eq(posts.id, a.id));
    b.status = b.status === 'published' ? 'changes_requested' : 'published';
    await db()
      .update(posts)
      .set({ status: b.status as 'published' })
      .where(eq(posts.id, b.id));
    // A target added later, with the content revision the composer bumps: the charter follows it,
    // the workflow keeps the channels its events were recorded with.
    const added = channelIds.find((id) => !c.channels.includes(id)) ?? '';
    await db().transaction(async (tx) => {
      await tx.insert(postTargets).values({
        postId: c.id,
        workspaceId: ws,
        channelId: added,
        network: networkOf[added] as Net,
        status: 'scheduled',
        scheduledAt: c.scheduledAt,
      });
      await tx.update(posts).set({ contentRevision: 2 }).where(eq(posts.id, c.id));
    });
    c.channels.push(added);
    // A deleted post leaves the charter; its reviews happened and stay in the workflow.
    await db().delete(posts).where(eq(posts.id, d.id));
    d.deleted = true;
    const p = PERIODS[0] as (typeof PERIODS)[number];
    for (const f of FILTERS) {
      const got = await answers(f, p);
      expect(got.charter, f.name).toEqual(expectedCharter(f, p));
      expect(got.workflow, f.name).toMatchObject(expectedWorkflow(f, p));
    }
    await foldReportRollups(db());
    for (const f of FILTERS) expect((await answers(f, p)).charter, f.name).toEqual(expectedCharter(f, p));
  });
});
