// The "Plan kept" report against a seeded workspace whose figures this test computes on its own
// (Intl for the local ISO week, a nearest-rank percentile read to its delay bucket), plus isolation
// and range checks. The report reads the roll-up the triggers keep (decision 0255).
import { posts, postTargets } from '@cadence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from './calendar-fixtures';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

type Status = 'published' | 'failed' | 'missed' | 'cancelled' | 'scheduled';
interface Seed {
  at: Date;
  status: Status;
  channel: 'a' | 'b';
  /** Seconds late for published targets (negative: early). */
  delay?: number;
  lastError?: string;
}

let t: TestApp;
let owner: Caller;
let viewer: Caller;
let ws: string;
let otherWs: string;
const channels: Record<'a' | 'b', string> = { a: '', b: '' };
const seeds: Seed[] = [];

const report = (caller: Caller, query: string, workspaceId = ws) =>
  call(t, caller, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/reports/plan-kept?${query}` });

// A small deterministic generator, so the data is varied but the test repeatable.
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

async function insert(workspaceId: string, channelId: string, list: Seed[]) {
  const { db } = t.ctx.database;
  for (const s of list) {
    const [post] = await db
      .insert(posts)
      .values({ workspaceId, text: 'x', status: 'scheduled', scheduledAt: s.at })
      .returning();
    if (!post) throw new Error('no post');
    const publishedAt = s.status === 'published' ? new Date(s.at.getTime() + (s.delay ?? 0) * 1000) : null;
    await db
      .insert(postTargets)
      .values({
        postId: post.id,
        workspaceId,
        channelId,
        network: 'sandbox',
        status: s.status,
        scheduledAt: s.at,
        publishedAt,
        lastError: s.lastError ?? null,
      })
      .returning();
  }
}

/** The ISO week of an instant's Paris calendar date (Intl for the date, the ISO rule for the week). */
function isoWeekInParis(at: Date): string {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
  const day = new Date(`${ymd}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Upper bounds of the delay buckets the report answers in (the last bucket is open). */
const BOUNDS = [-60, 60, 300, 900, 1800, 3600, 10_800, 21_600, 86_400, 259_200];

/** The nearest-rank percentile's bucket: 0 early, 1 on time, then one per bound, the last open. */
function percentileBucket(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((x, y) => x - y);
  const exact = v[Math.max(1, Math.ceil(p * v.length)) - 1] as number;
  if (exact < -60) return 0;
  const index = BOUNDS.findIndex((bound) => exact <= bound);
  return index === -1 ? BOUNDS.length : index;
}

const secondsOf = (bucket: number | null) =>
  bucket === null ? null : (BOUNDS[Math.min(bucket, BOUNDS.length - 1)] ?? null);

function expected(list: Seed[]) {
  const weeks = new Map<string, Seed[]>();
  for (const s of list) {
    const key = isoWeekInParis(s.at);
    weeks.set(key, [...(weeks.get(key) ?? []), s]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, items]) => {
      const delays = items.filter((s) => s.status === 'published').map((s) => s.delay ?? 0);
      const onTime = delays.filter((d) => Math.abs(d) <= 60).length;
      const count = (st: Status) => items.filter((s) => s.status === st).length;
      return {
        week,
        planned: items.length,
        published: count('published'),
        failed: count('failed'),
        missed: count('missed'),
        cancelled: count('cancelled'),
        onTime,
        onTimeRate: onTime / items.length,
        delayP50Seconds: secondsOf(percentileBucket(delays, 0.5)),
        delayP90Seconds: secondsOf(percentileBucket(delays, 0.9)),
        delayP50Bucket: percentileBucket(delays, 0.5),
        delayP90Bucket: percentileBucket(delays, 0.9),
      };
    });
}

const ERRORS = [
  'The network asked to slow down (HTTP 429)',
  "The network refused the channel's credentials (HTTP 401)",
  'The network refused the post (HTTP 422): too long',
  'The network had an error (HTTP 503)',
  'Something nobody planned for',
];

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t, { timezone: 'Europe/Paris' }));
  viewer = await addMember(t, owner, ws, 'viewer');
  channels.a = await createChannel(t, owner, ws, 'Alpha');
  channels.b = await createChannel(t, owner, ws, 'Beta');
  const other = await call(t, owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Other', timezone: 'UTC', locale: 'en' },
  });
  otherWs = other.json().id;
  const otherChannel = await createChannel(t, owner, otherWs, 'Other');

  const random = rng(17);
  const statuses: Status[] = ['published', 'published', 'published', 'failed', 'missed', 'cancelled'];
  const start = Date.parse('2026-01-05T06:00:00Z');
  for (let i = 0; i < 60; i++) {
    const status = statuses[Math.floor(random() * statuses.length)] as Status;
    const at = new Date(start + Math.floor(random() * 35 * 24 * 60) * 60_000);
    const seed: Seed = { at, status, channel: random() < 0.5 ? 'a' : 'b' };
    if (status === 'published') {
      seed.delay = random() < 0.5 ? Math.floor(random() * 60) : 61 + Math.floor(random() * 3600);
    }
    if (status === 'failed') seed.lastError = ERRORS[i % ERRORS.length];
    seeds.push(seed);
  }
  // Sunday 23:30 UTC is Monday 00:30 in Paris: the next local week, not the UTC one.
  seeds.push({ at: new Date('2026-01-11T23:30:00Z'), status: 'published', channel: 'a', delay: 30 });
  // Exactly 60 s late is on time; 61 s is not.
  seeds.push({ at: new Date('2026-01-13T09:00:00Z'), status: 'published', channel: 'a', delay: 60 });
  seeds.push({ at: new Date('2026-01-13T10:00:00Z'), status: 'published', channel: 'a', delay: 61 });
  await insert(
    ws,
    channels.a,
    seeds.filter((s) => s.channel === 'a'),
  );
  await insert(
    ws,
    channels.b,
    seeds.filter((s) => s.channel === 'b'),
  );
  // Another workspace, same weeks, many targets: none may be counted.
  await insert(
    otherWs,
    otherChannel,
    seeds.map((s) => ({ ...s, status: 'failed', lastError: ERRORS[0] })),
  );
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('GET /reports/plan-kept', () => {
  it('counts, on-time rate and delay percentiles per local ISO week match an independent computation', async () => {
    const res = await report(viewer, 'from=2026-01-01&to=2026-03-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.timezone).toBe('Europe/Paris');
    const want = expected(seeds);
    expect(body.weeks.map((w: { week: string }) => w.week)).toEqual(want.map((w) => w.week));
    for (const [i, w] of want.entries()) {
      const got = body.weeks[i];
      expect({ ...got, weekStart: undefined }).toEqual({
        ...w,
        weekStart: undefined,
        onTimeRate: expect.closeTo(w.onTimeRate, 9),
        delayP50Seconds: w.delayP50Seconds === null ? null : expect.closeTo(w.delayP50Seconds, 6),
        delayP90Seconds: w.delayP90Seconds === null ? null : expect.closeTo(w.delayP90Seconds, 6),
      });
    }
    const planned = body.weeks.reduce((n: number, w: { planned: number }) => n + w.planned, 0);
    expect(planned).toBe(seeds.length);
  });

  it('puts Sunday 23:30 UTC in the following Paris week (ISO W03 starting 2026-01-12)', async () => {
    const res = await report(viewer, 'from=2026-01-12&to=2026-01-13');
    const weeks = res.json().weeks;
    expect(weeks).toHaveLength(1);
    expect(weeks[0].week).toBe('2026-W03');
    expect(weeks[0].weekStart).toBe('2026-01-12');
  });

  it('groups failures into reason codes, never raw error text', async () => {
    const res = await report(viewer, 'from=2026-01-01&to=2026-03-01');
    const failed = seeds.filter((s) => s.status === 'failed');
    const want = new Map<string, number>();
    const code = (e: string | undefined) =>
      e === ERRORS[0]
        ? 'rate_limited'
        : e === ERRORS[1]
          ? 'credentials'
          : e === ERRORS[2]
            ? 'refused'
            : e === ERRORS[3]
              ? 'network_error'
              : 'other';
    for (const s of failed) want.set(code(s.lastError), (want.get(code(s.lastError)) ?? 0) + 1);
    const got = Object.fromEntries(
      res.json().failuresByReason.map((r: { reason: string; count: number }) => [r.reason, r.count]),
    );
    expect(got).toEqual(Object.fromEntries(want));
    expect(res.body).not.toContain('HTTP');
  });

  it('filters by channel and by network', async () => {
    const onlyA = seeds.filter((s) => s.channel === 'a');
    const res = await report(viewer, `from=2026-01-01&to=2026-03-01&channelId=${channels.a}`);
    expect(res.json().weeks.map((w: { planned: number }) => w.planned)).toEqual(
      expected(onlyA).map((w) => w.planned),
    );
    const none = await report(viewer, 'from=2026-01-01&to=2026-03-01&network=bluesky');
    expect(none.json().weeks).toEqual([]);
  });

  it("never counts another workspace's targets, and a non-member gets no report", async () => {
    const res = await report(owner, 'from=2026-01-01&to=2026-03-01', otherWs);
    const body = res.json();
    expect(body.weeks.reduce((n: number, w: { planned: number }) => n + w.planned, 0)).toBe(seeds.length);
    expect(body.weeks.every((w: { failed: number; planned: number }) => w.failed === w.planned)).toBe(true);
    const mine = await report(viewer, 'from=2026-01-01&to=2026-03-01');
    expect(mine.json().weeks.reduce((n: number, w: { failed: number }) => n + w.failed, 0)).toBe(
      seeds.filter((s) => s.status === 'failed').length,
    );
    const stranger = await report(viewer, 'from=2026-01-01&to=2026-03-01', otherWs);
    expect([403, 404]).toContain(stranger.statusCode);
  });

  it('answers the same table as CSV', async () => {
    const res = await report(viewer, 'from=2026-01-01&to=2026-03-01&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'week,week_start,planned,published,failed,missed,cancelled,on_time,on_time_rate,delay_p50_seconds,delay_p90_seconds',
    );
    const want = expected(seeds);
    expect(lines).toHaveLength(want.length + 1);
    for (const [i, w] of want.entries()) {
      const cells = (lines[i + 1] as string).split(',');
      expect(cells[0]).toBe(w.week);
      expect(cells.slice(2, 8).map(Number)).toEqual([
        w.planned,
        w.published,
        w.failed,
        w.missed,
        w.cancelled,
        w.onTime,
      ]);
    }
  });

  it.each([
    ['from=2026-01-01&to=2027-01-03', 'querystring.to'],
    ['from=2026-03-01&to=2026-01-01', 'querystring.to'],
    ['from=yesterday&to=2026-01-01', 'querystring.from'],
    ['to=2026-01-01', 'querystring.from'],
    ['from=2026-01-01&to=2026-02-01&network=myspace', 'querystring.network'],
    ['from=2026-01-01&to=2026-02-01&channelId=nope', 'querystring.channelId'],
  ])('%s is a 400 naming %s', async (query, field) => {
    const res = await report(viewer, query);
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.stringify(res.json())).toContain(field);
  });
});
