// The Community report against a seeded inbox whose figures this test computes on its own: Paris
// days from Intl (a DST weekend inside the period), percentiles as steps (decision 0316), the
// past-target cutoff worked out by hand from the working hours, a snoozed item, and the network filters.
import { channels, inboxItems, inboxSyncStates } from '@cadence/db';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld } from './posts-fixtures';
import { steppedMinutes } from './reports-fixtures';

let t: TestApp;
let w: PostsWorld;
const cet = (local: string) => new Date(`${local}:00+01:00`);
const cest = (local: string) => new Date(`${local}:00+02:00`);
// Monday 30 March 2026, 10:00 in Paris (summer time since Sunday 29, 02:00).
const now = cest('2026-03-30T10:00');
// Target 120 working minutes, Monday to Friday 09:00-18:00: one hour on Monday morning, the other
// on Friday afternoon, so items written on or before Friday 27 March 17:00 are past it now.
const cutoff = cet('2026-03-27T17:00');
const TARGET = 120;

interface Seed {
  channel: 'a' | 'b';
  createdAt: Date;
  firstResponseAt?: Date;
  /** Working minutes to the first reply, counted by hand from the working hours. */
  frm?: number;
  done?: boolean;
  snoozedUntil?: Date;
}
const seeds: Seed[] = [
  { channel: 'a', createdAt: cet('2026-03-27T16:00') },
  { channel: 'a', createdAt: cet('2026-03-27T17:30') },
  // 00:30 on the 29th in Paris is still the 28th in UTC.
  {
    channel: 'b',
    createdAt: cet('2026-03-29T00:30'),
    firstResponseAt: cest('2026-03-30T09:30'),
    frm: 30,
  },
  { channel: 'a', createdAt: cest('2026-03-29T23:30'), done: true },
  // Before the period.
  { channel: 'a', createdAt: cet('2026-03-26T10:00') },
  // Snoozed past now: not past target while snoozed; the other's snooze has ended.
  { channel: 'a', createdAt: cet('2026-03-27T10:00'), snoozedUntil: cest('2026-03-31T09:00') },
  { channel: 'a', createdAt: cet('2026-03-27T11:00'), snoozedUntil: cet('2026-03-28T09:00') },
  { channel: 'b', createdAt: cet('2026-03-27T09:00'), firstResponseAt: cet('2026-03-27T13:00'), frm: 240 },
  { channel: 'b', createdAt: cest('2026-03-30T09:05'), firstResponseAt: cest('2026-03-30T09:20'), frm: 15 },
];
const from = cet('2026-03-27T00:00');
const to = cest('2026-04-01T00:00');
const DAYS = ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'];
const channelIds = { a: randomUUID(), b: randomUUID() };
const NETWORK = { a: 'mastodon', b: 'bluesky' } as const;

const parisDay = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

function expected(only: (s: Seed) => boolean) {
  const items = seeds.filter((s) => only(s) && s.createdAt >= from && s.createdAt < to);
  const replied = items.flatMap((s) => (s.frm === undefined ? [] : [s.frm]));
  return {
    received: items.length,
    answeredShare: items.filter((s) => s.firstResponseAt || s.done).length / items.length,
    firstResponseP50Minutes: steppedMinutes(replied, 0.5),
    firstResponseP90Minutes: steppedMinutes(replied, 0.9),
    withinTargetShare: replied.filter((m) => m <= TARGET).length / replied.length,
    openPastTarget: items.filter(
      (s) =>
        !s.done && !s.firstResponseAt && (!s.snoozedUntil || s.snoozedUntil <= now) && s.createdAt <= cutoff,
    ).length,
    snoozedNow: items.filter((s) => !s.done && s.snoozedUntil && s.snoozedUntil > now).length,
    days: DAYS.map((day) => {
      const of = items.filter((s) => parisDay(s.createdAt) === day);
      return {
        day,
        received: of.length,
        answered: of.filter((s) => s.firstResponseAt).length,
        done: of.filter((s) => s.done).length,
      };
    }),
  };
}

const get = (query: string) =>
  call(t, w.viewer, {
    method: 'GET',
    url: `/api/v1/workspaces/${w.ws}/reports/community?from=2026-03-27&to=2026-04-01${query}`,
  });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  t.ctx.clock = () => now;
  const { db } = t.ctx.database;
  const set = await call(t, w.manager, {
    method: 'PATCH',
    url: `/api/v1/workspaces/${w.ws}`,
    payload: {
      firstResponseTargetMinutes: TARGET,
      workingDays: [1, 2, 3, 4, 5],
      workingHoursStart: '09:00',
      workingHoursEnd: '18:00',
    },
  });
  expect(set.statusCode).toBe(200);
  for (const key of ['a', 'b'] as const) {
    await db.insert(channels).values({
      id: channelIds[key],
      workspaceId: w.ws,
      network: NETWORK[key],
      displayName: key,
      handle: `@${key}@x.example`,
    });
    await db
      .insert(inboxSyncStates)
      .values({ channelId: channelIds[key], workspaceId: w.ws, nextSyncAt: now });
  }
  await db.insert(inboxItems).values(
    seeds.map((s, i) => ({
      workspaceId: w.ws,
      channelId: channelIds[s.channel],
      network: NETWORK[s.channel],
      externalId: String(i),
      kind: 'mention' as const,
      authorHandle: 'fan@example.social',
      text: 'Hello?',
      createdAt: s.createdAt,
      threadRootExternalId: String(i),
      firstResponseAt: s.firstResponseAt ?? null,
      firstResponseWorkingMinutes: s.frm ?? null,
      status: s.done ? ('done' as const) : ('open' as const),
      resolvedAt: s.done ? s.createdAt : null,
      snoozedUntil: s.snoozedUntil ?? null,
    })),
  );
});
afterAll(async () => t.close());

describe('Community report', () => {
  it('counts per Paris day across the DST change, response times against the target, past target now', async () => {
    const res = await get('');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ synced: true, targetMinutes: TARGET, ...expected(() => true) });
    // The DST Sunday holds both of its items, one written before UTC midnight.
    expect(body.days[2]).toMatchObject({ day: '2026-03-29', received: 2 });
    expect(body.openPastTarget).toBe(2);
    expect(body.snoozedNow).toBe(1);
  });

  it('filters by network and channel', async () => {
    expect((await get('&network=bluesky')).json()).toMatchObject(expected((s) => s.channel === 'b'));
    expect((await get(`&channelId=${channelIds.a}`)).json()).toMatchObject({
      ...expected((s) => s.channel === 'a'),
      firstResponseP50Minutes: null,
      withinTargetShare: null,
    });
  });

  it('shows nothing, not zero, for a network with no inbox source', async () => {
    const body = (await get('&network=linkedin')).json();
    expect(body).toMatchObject({
      synced: false,
      received: null,
      answeredShare: null,
      openPastTarget: null,
      days: [],
    });
  });

  it('answers the days as CSV', async () => {
    const res = await get('&format=csv&network=bluesky');
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = res.body.trim().split('\n');
    expect(rows[0]).toBe('day,received,answered,done');
    expect(rows).toContain('2026-03-27,1,1,0');
    expect(rows).toContain('2026-03-29,1,1,0');
  });

  it('refuses a period without its end, naming the field', async () => {
    const res = await call(t, w.viewer, {
      method: 'GET',
      url: `/api/v1/workspaces/${w.ws}/reports/community?from=2026-03-27`,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('to');
  });
});
