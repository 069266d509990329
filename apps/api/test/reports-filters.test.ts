// The pillar and author filters on every report section, against a seeded workspace whose figures
// this test computes on its own from what it wrote (plain counts and percentiles, Intl for Paris
// hours): two authors, two pillars and posts with neither, targets on two networks.
import { channels, postEvents, posts, postTargets, targetMetrics } from '@cadence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';
import { groupBy, parisWeekdayHour, rng, steppedPercentile } from './reports-fixtures';

type Net = 'mastodon' | 'bluesky';
type TargetStatus = 'published' | 'failed' | 'missed';
interface Seeded {
  author: string;
  pillar: string | null;
  turnaround: number;
  approvedAt: Date;
  violations: { rule: string; severity: 'block' | 'warn' }[];
  targets: { network: Net; status: TargetStatus; at: Date; figures: Record<string, number> }[];
}

let t: TestApp;
let viewer: Caller;
let ws: string;
const authors: string[] = [];
const seeded: Seeded[] = [];
const random = rng(41);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const get = (section: string, filter: string) =>
  call(t, viewer, {
    method: 'GET',
    url: `/api/v1/workspaces/${ws}/reports/${section}?from=2026-01-01&to=2026-02-01&${filter}`,
  });

beforeAll(async () => {
  t = await createTestApp();
  const { owner, workspaceId } = await setupOwner(t, { timezone: 'Europe/Paris' });
  ws = workspaceId;
  const editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  authors.push(owner.userId ?? '', editor.userId ?? '');
  const { db } = t.ctx.database;
  const channelOf = {} as Record<Net, string>;
  for (const network of ['mastodon', 'bluesky'] as Net[]) {
    const [c] = await db
      .insert(channels)
      .values({ workspaceId: ws, network, displayName: network, handle: `@${network}` })
      .returning();
    channelOf[network] = c?.id ?? '';
  }
  for (let i = 0; i < 60; i++) {
    // Instants in January (Paris), on a handful of hours so best-time cells hold several posts.
    const at = new Date(Date.UTC(2026, 0, 2 + Math.floor(random() * 28), pick([8, 9, 15]), 0));
    const author = pick(authors);
    const pillar = pick(['education', 'product', null]);
    const violations = ['bannedPhrases', 'maxLength'].flatMap((rule) =>
      random() < 0.35 ? [{ rule, severity: random() < 0.5 ? ('block' as const) : ('warn' as const) }] : [],
    );
    const [post] = await db
      .insert(posts)
      .values({
        workspaceId: ws,
        authorUserId: author,
        pillarId: pillar,
        text: `Post ${i}`,
        status: 'published',
        scheduledAt: at,
        violations: violations.map((v) => ({ ...v, message: { en: 'x', fr: 'x' }, field: 'text' })),
      })
      .returning();
    if (!post) throw new Error('no post');
    const submittedAt = at.getTime() - 3 * 86_400_000;
    const turnaround = (1 + Math.floor(random() * 3000)) * 60;
    const approvedAt = new Date(submittedAt + turnaround * 1000);
    await db.insert(postEvents).values([
      {
        postId: post.id,
        workspaceId: ws,
        action: 'submitted',
        toStatus: 'in_review',
        createdAt: new Date(submittedAt),
      },
      {
        postId: post.id,
        workspaceId: ws,
        action: 'approved',
        toStatus: 'approved',
        createdAt: approvedAt,
      },
    ]);
    const entry: Seeded = { author, pillar, turnaround, approvedAt, violations, targets: [] };
    for (const network of (['mastodon', 'bluesky'] as Net[]).filter(
      (_, k) => k === i % 2 || random() < 0.5,
    )) {
      const status = pick<TargetStatus>(['published', 'published', 'published', 'failed', 'missed']);
      const [target] = await db
        .insert(postTargets)
        .values({
          postId: post.id,
          workspaceId: ws,
          channelId: channelOf[network],
          network,
          status,
          scheduledAt: at,
          publishedAt: status === 'published' ? at : null,
        })
        .returning();
      const figures: Record<string, number> =
        status === 'published' && random() < 0.8
          ? { replies: Math.floor(random() * 50), likes: Math.floor(random() * 300) }
          : {};
      for (const [metric, value] of Object.entries(figures))
        await db.insert(targetMetrics).values({
          targetId: target?.id ?? '',
          workspaceId: ws,
          metric: metric as 'likes',
          value,
          pulledAt: at,
        });
      entry.targets.push({ network, status, at, figures });
    }
    seeded.push(entry);
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const FILTERS: [string, () => string, (s: Seeded) => boolean][] = [
  ['pillar', () => 'pillarId=education', (s) => s.pillar === 'education'],
  ['author', () => `authorId=${authors[1]}`, (s) => s.author === authors[1]],
  [
    'pillar and author',
    () => `pillarId=product&authorId=${authors[0]}`,
    (s) => s.pillar === 'product' && s.author === authors[0],
  ],
];

describe.each(FILTERS)('reports filtered by %s', (_name, query, keep) => {
  const posts = () => seeded.filter(keep);
  const targets = () => posts().flatMap((p) => p.targets);
  const measured = () => targets().filter((x) => Object.keys(x.figures).length > 0);
  const engagement = (x: { figures: Record<string, number> }) => sum(Object.values(x.figures));

  it('plan kept counts only the matching posts’ targets', async () => {
    const res = await get('plan-kept', query());
    expect(res.statusCode, res.body).toBe(200);
    const weeks = res.json().weeks as {
      planned: number;
      published: number;
      failed: number;
      missed: number;
    }[];
    const total = (k: 'planned' | 'published' | 'failed' | 'missed') => sum(weeks.map((w) => w[k]));
    expect(total('planned')).toBe(targets().length);
    for (const status of ['published', 'failed', 'missed'] as const)
      expect(total(status)).toBe(targets().filter((x) => x.status === status).length);
  });

  it('workflow turnaround is over the matching posts', async () => {
    const body = (await get('workflow', query())).json();
    // Approvals made in the period (some January posts were approved in December).
    const secs = posts()
      .filter((p) => p.approvedAt >= new Date('2026-01-01T00:00:00+01:00'))
      .map((p) => p.turnaround);
    expect(body.approvals).toBe(secs.length);
    expect(body.turnaroundP50Seconds).toBe(steppedPercentile(secs, 0.5));
    expect(body.turnaroundP90Seconds).toBe(steppedPercentile(secs, 0.9));
  });

  it('charter verdicts are the matching posts’ verdicts', async () => {
    const body = (await get('charter', query())).json();
    expect(body.postsChecked).toBe(posts().length);
    const verdicts = posts().flatMap((p) => p.violations);
    const expected = [...groupBy(verdicts, (v) => v.rule).entries()].map(([rule, vs]) => ({
      rule,
      blocked: vs.filter((v) => v.severity === 'block').length,
      warned: vs.filter((v) => v.severity === 'warn').length,
      // Every seeded post was published: each warning was passed over.
      overridden: vs.filter((v) => v.severity === 'warn').length,
    }));
    expect([...body.rules].sort((a, b) => a.rule.localeCompare(b.rule))).toEqual(
      expected.sort((a, b) => a.rule.localeCompare(b.rule)),
    );
  });

  it('results per network are over the matching published targets', async () => {
    const body = (await get('results', query())).json();
    const published = targets().filter((x) => x.status === 'published');
    const networks = [...new Set(published.map((x) => x.network))].sort();
    expect(body.networks.map((n: { network: string }) => n.network).sort()).toEqual(networks);
    for (const n of body.networks) {
      const mine = measured().filter((x) => x.network === n.network);
      expect(n.targets).toBe(published.filter((x) => x.network === n.network).length);
      expect(n.measured).toBe(mine.length);
      expect(n.engagement ?? 0).toBe(sum(mine.map(engagement)));
      expect(n.likes ?? 0).toBe(sum(mine.map((x) => x.figures.likes ?? 0)));
    }
  });

  it('best-time cells count the matching measured targets', async () => {
    const body = (await get('best-time', query())).json();
    const cells = groupBy(measured(), (x) => {
      const { weekday, hour } = parisWeekdayHour(x.at);
      return `${weekday}-${hour}`;
    });
    expect(body.cells).toHaveLength(cells.size);
    for (const cell of body.cells) {
      const mine = cells.get(`${cell.weekday}-${cell.hour}`) ?? [];
      expect(cell.posts).toBe(mine.length);
      expect(cell.engagementPerPost).toBeCloseTo(sum(mine.map(engagement)) / mine.length, 6);
    }
  });
});

describe('filter validation', () => {
  it('answers 400 naming the field for an author that is not an id', async () => {
    const res = await get('results', 'authorId=bob');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('authorId');
  });

  it('an author of no post gives empty reports, not an error', async () => {
    const res = await get('plan-kept', 'authorId=00000000-0000-4000-8000-000000000009');
    expect(res.statusCode).toBe(200);
    expect(res.json().weeks).toEqual([]);
  });
});
