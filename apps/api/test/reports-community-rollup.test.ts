// The Community roll-up (decision 0316) follows items that change state after they arrive:
// answered, done, reopened, snoozed, deleted, several in one statement. Each step is checked
// against figures this test computes from its own copy of the items (Paris days from Intl,
// percentiles as steps written out in reports-fixtures), before any fold, after a fold and after a
// rebuild; a period given as instants reads its partial days from the items; a new target is
// counted once the rebuild it queues has run.
import { channels, inboxItems, inboxSyncStates } from '@cadence/db';
import { foldReportRollups, rebuildReportRollups } from '@cadence/domain/reports/rollups/rebuild-rollups';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld } from './posts-fixtures';
import { parisDate, rng, steppedMinutes } from './reports-fixtures';

let t: TestApp;
let w: PostsWorld;
// Long after the items, so every waiting item is past the 120-minute target (cutoff well before).
const now = new Date('2026-04-20T10:00:00Z');
let target = 120;
const channelIds = { a: randomUUID(), b: randomUUID() };
const NETWORK = { a: 'mastodon', b: 'bluesky' } as const;

interface Item {
  id: string;
  channel: 'a' | 'b';
  createdAt: Date;
  firstResponseAt: Date | null;
  frm: number | null;
  done: boolean;
  snoozedUntil: Date | null;
}
let items: Item[] = [];

function expected(from: Date, to: Date, only: (i: Item) => boolean = () => true) {
  const of = items.filter((i) => only(i) && i.createdAt >= from && i.createdAt < to);
  const replied = of.flatMap((i) => (i.frm === null ? [] : [i.frm]));
  const days = [...new Set(of.map((i) => parisDate(i.createdAt)))].sort();
  return {
    report: {
      received: of.length,
      answeredShare: of.filter((i) => i.firstResponseAt || i.done).length / of.length,
      firstResponseP50Minutes: steppedMinutes(replied, 0.5),
      firstResponseP90Minutes: steppedMinutes(replied, 0.9),
      withinTargetShare: replied.length ? replied.filter((m) => m <= target).length / replied.length : null,
      openPastTarget: of.filter(
        (i) => !i.done && !i.firstResponseAt && !(i.snoozedUntil && i.snoozedUntil > now),
      ).length,
      snoozedNow: of.filter((i) => !i.done && i.snoozedUntil && i.snoozedUntil > now).length,
    },
    days: days.map((day) => {
      const on = of.filter((i) => parisDate(i.createdAt) === day);
      return {
        day,
        received: on.length,
        answered: on.filter((i) => i.firstResponseAt).length,
        done: on.filter((i) => i.done).length,
      };
    }),
  };
}

const db = () => t.ctx.database.db;
const MARCH = { from: new Date('2026-02-28T23:00:00Z'), to: new Date('2026-03-31T22:00:00Z') };

async function expectReport(query: string, from: Date, to: Date, only?: (i: Item) => boolean) {
  const res = await call(t, w.viewer, {
    method: 'GET',
    url: `/api/v1/workspaces/${w.ws}/reports/community?${query}`,
  });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  const want = expected(from, to, only);
  expect(body).toMatchObject(want.report);
  expect(body.days.filter((d: { received: number }) => d.received > 0)).toEqual(want.days);
}

async function expectAll() {
  await expectReport('from=2026-03-01&to=2026-04-01', MARCH.from, MARCH.to);
  await expectReport(
    `from=2026-03-01&to=2026-04-01&channelId=${channelIds.a}`,
    MARCH.from,
    MARCH.to,
    (i) => i.channel === 'a',
  );
  await expectReport(
    'from=2026-03-01&to=2026-04-01&network=bluesky',
    MARCH.from,
    MARCH.to,
    (i) => i.channel === 'b',
  );
  // Instants: the partial first and last days come from the items, the whole ones from the roll-up.
  const from = new Date('2026-03-10T13:30:00Z');
  const to = new Date('2026-03-29T08:15:00Z');
  await expectReport(`from=${from.toISOString()}&to=${to.toISOString()}`, from, to);
}

const unfolded = async () =>
  (
    (await db().execute(
      sql`select count(*)::int as n from report_inbox_days where not folded`,
    )) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]?.n;

/** Applies a change to the rows and to this test's copy, in one statement. */
async function update(ids: string[], set: ReturnType<typeof sql>, change: (i: Item) => void) {
  await db().execute(
    sql`update inbox_items set ${set} where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  for (const i of items) if (ids.includes(i.id)) change(i);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  t.ctx.clock = () => now;
  const set = await call(t, w.manager, {
    method: 'PATCH',
    url: `/api/v1/workspaces/${w.ws}`,
    payload: { firstResponseTargetMinutes: target, timezone: 'Europe/Paris' },
  });
  expect(set.statusCode).toBe(200);
  for (const key of ['a', 'b'] as const) {
    await db()
      .insert(channels)
      .values({
        id: channelIds[key],
        workspaceId: w.ws,
        network: NETWORK[key],
        displayName: key,
        handle: `@${key}@x.example`,
      });
    await db()
      .insert(inboxSyncStates)
      .values({ channelId: channelIds[key], workspaceId: w.ws, nextSyncAt: now });
  }
  const random = rng(17);
  items = Array.from({ length: 80 }, (_, n) => {
    // Over March in Paris and a little around it (the DST change on the 29th included).
    const createdAt = new Date(Date.UTC(2026, 1, 27) + Math.floor(random() * 36 * 86_400) * 1000);
    const answered = random() < 0.4;
    const frm = answered ? Math.floor(random() * 3000) : null;
    return {
      id: randomUUID(),
      channel: n % 3 === 0 ? 'b' : 'a',
      createdAt,
      firstResponseAt: answered ? new Date(createdAt.getTime() + 3_600_000) : null,
      frm,
      done: random() < 0.2,
      snoozedUntil: null,
    };
  });
  await db()
    .insert(inboxItems)
    .values(
      items.map((i) => ({
        id: i.id,
        workspaceId: w.ws,
        channelId: channelIds[i.channel],
        network: NETWORK[i.channel],
        externalId: i.id,
        kind: 'mention' as const,
        authorHandle: 'fan@example.social',
        text: 'Hello?',
        createdAt: i.createdAt,
        threadRootExternalId: i.id,
        firstResponseAt: i.firstResponseAt,
        firstResponseWorkingMinutes: i.frm,
        status: i.done ? ('done' as const) : ('open' as const),
        snoozedUntil: i.snoozedUntil,
      })),
    );
});
afterAll(async () => t.close());

describe('Community roll-up', () => {
  it('counts the items as they arrive', async () => {
    expect(await unfolded()).toBeGreaterThan(0);
    await expectAll();
  });

  it('follows answers, done, reopened, snoozed and deleted items, several per statement', async () => {
    const waiting = items.filter((i) => !i.firstResponseAt && !i.done).map((i) => i.id);
    const answeredAt = new Date('2026-04-02T09:00:00Z');
    await update(
      waiting.slice(0, 6),
      sql`first_response_at = ${answeredAt.toISOString()}, first_response_working_minutes = 90`,
      (i) => {
        i.firstResponseAt = answeredAt;
        i.frm = 90;
      },
    );
    await update(waiting.slice(6, 12), sql`status = 'done', resolved_at = ${now.toISOString()}`, (i) => {
      i.done = true;
    });
    const done = items.filter((i) => i.done).map((i) => i.id);
    await update(done.slice(0, 4), sql`status = 'open', resolved_at = null`, (i) => {
      i.done = false;
    });
    // A snooze moves only the live "snoozed now" count; a status that stays waiting moves nothing.
    const snoozed = new Date('2026-04-25T09:00:00Z');
    await update(
      waiting.slice(12, 16),
      sql`snoozed_until = ${snoozed.toISOString()}, status = 'waiting'`,
      (i) => {
        i.snoozedUntil = snoozed;
      },
    );
    // One statement answering some items and reopening others, across both channels.
    const mixed = items
      .filter((i) => i.done)
      .map((i) => i.id)
      .slice(0, 3);
    const fresh = items
      .filter((i) => !i.firstResponseAt && !i.done)
      .map((i) => i.id)
      .slice(0, 3);
    await db().execute(sql`update inbox_items set
        status = case when status = 'done' then 'open'::inbox_status else status end,
        first_response_at = case when status = 'done' then first_response_at else ${answeredAt.toISOString()}::timestamptz end,
        first_response_working_minutes = case when status = 'done' then first_response_working_minutes else 500 end
      where id in (${sql.join(
        [...mixed, ...fresh].map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    for (const i of items) {
      if (mixed.includes(i.id)) i.done = false;
      else if (fresh.includes(i.id)) {
        i.firstResponseAt = answeredAt;
        i.frm = 500;
      }
    }
    const gone = items.slice(0, 5).map((i) => i.id);
    await db().execute(
      sql`delete from inbox_items where id in (${sql.join(
        gone.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    items = items.filter((i) => !gone.includes(i.id));
    await expectAll();
  });

  it('gives the same figures after a fold, which leaves no appended row', async () => {
    expect(await foldReportRollups(db())).toBeGreaterThan(0);
    expect(await unfolded()).toBe(0);
    await expectAll();
    // A change after the fold is appended and read with the folded rows.
    const one = items.find((i) => !i.done);
    if (!one) throw new Error('seed has no open item');
    await update([one.id], sql`status = 'done'`, (i) => {
      i.done = true;
    });
    expect(await unfolded()).toBeGreaterThan(0);
    await expectAll();
  });

  it('gives the same figures after a rebuild', async () => {
    await rebuildReportRollups(db(), w.ws);
    expect(await unfolded()).toBe(0);
    await expectAll();
  });

  it('counts within a new target once the rebuild it queues has run', async () => {
    target = 60;
    const set = await call(t, w.manager, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${w.ws}`,
      payload: { firstResponseTargetMinutes: target },
    });
    expect(set.statusCode).toBe(200);
    const queued = (await db().execute(
      sql`select count(*)::int as n from jobs where kind = 'reports.rebuild-rollups' and payload->>'workspaceId' = ${w.ws}`,
    )) as unknown as { rows: { n: number }[] };
    expect(queued.rows[0]?.n).toBeGreaterThan(0);
    await rebuildReportRollups(db(), w.ws);
    await expectAll();
  });
});
