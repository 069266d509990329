// Daylight-saving changes of 2026 and 2027 in Europe/Paris and America/New_York, through the API:
// queue slots and scheduled posts keep their wall-clock time; a slot in the spring-forward gap is
// skipped (a time picked by hand there is refused with 422 naming the gap); a time in the
// fall-back overlap resolves to the earlier instant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToQueue, approvedPost, createChannel, everyDay, replaceSlots } from './calendar-fixtures';
import {
  addMember,
  type Caller,
  call,
  createTestApp,
  createToken,
  setupOwner,
  type TestApp,
} from './helpers';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let owner: Caller;
const zones: Record<string, { ws: string; editor: Caller; manager: Caller }> = {};

beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '10000' });
  const setup = await setupOwner(t, { timezone: 'Europe/Paris' });
  owner = setup.owner;
  zones['Europe/Paris'] = {
    ws: setup.workspaceId,
    editor: await addMember(t, owner, setup.workspaceId, 'editor'),
    manager: await createToken(t, owner, setup.workspaceId, 'manager'),
  };
  const nyWs = (await createWorkspace(t, owner, { name: 'NYC', timezone: 'America/New_York', locale: 'en' }))
    .id;
  zones['America/New_York'] = {
    ws: nyWs,
    editor: await addMember(t, owner, nyWs, 'editor'),
    manager: await createToken(t, owner, nyWs, 'manager'),
  };
});

afterAll(async () => t.close());

interface Change {
  zone: 'Europe/Paris' | 'America/New_York';
  /** The day of the change and the day after. */
  day: string;
  next: string;
  kind: 'gap' | 'overlap';
  /** A slot time inside the gap or the overlap. */
  odd: string;
  /** Expected instants: odd slot on the change day (overlap only), 09:00 that day, odd slot the next day. */
  oddAt: string | null;
  nineAt: string;
  nextOddAt: string;
}

const CHANGES: Change[] = [
  {
    zone: 'Europe/Paris',
    day: '2026-03-29',
    next: '2026-03-30',
    kind: 'gap',
    odd: '02:30',
    oddAt: null,
    nineAt: '2026-03-29T07:00:00.000Z',
    nextOddAt: '2026-03-30T00:30:00.000Z',
  },
  {
    zone: 'Europe/Paris',
    day: '2026-10-25',
    next: '2026-10-26',
    kind: 'overlap',
    odd: '02:30',
    oddAt: '2026-10-25T00:30:00.000Z',
    nineAt: '2026-10-25T08:00:00.000Z',
    nextOddAt: '2026-10-26T01:30:00.000Z',
  },
  {
    zone: 'Europe/Paris',
    day: '2027-03-28',
    next: '2027-03-29',
    kind: 'gap',
    odd: '02:30',
    oddAt: null,
    nineAt: '2027-03-28T07:00:00.000Z',
    nextOddAt: '2027-03-29T00:30:00.000Z',
  },
  {
    zone: 'Europe/Paris',
    day: '2027-10-31',
    next: '2027-11-01',
    kind: 'overlap',
    odd: '02:30',
    oddAt: '2027-10-31T00:30:00.000Z',
    nineAt: '2027-10-31T08:00:00.000Z',
    nextOddAt: '2027-11-01T01:30:00.000Z',
  },
  {
    zone: 'America/New_York',
    day: '2026-03-08',
    next: '2026-03-09',
    kind: 'gap',
    odd: '02:30',
    oddAt: null,
    nineAt: '2026-03-08T13:00:00.000Z',
    nextOddAt: '2026-03-09T06:30:00.000Z',
  },
  {
    zone: 'America/New_York',
    day: '2026-11-01',
    next: '2026-11-02',
    kind: 'overlap',
    odd: '01:30',
    oddAt: '2026-11-01T05:30:00.000Z',
    nineAt: '2026-11-01T14:00:00.000Z',
    nextOddAt: '2026-11-02T06:30:00.000Z',
  },
  {
    zone: 'America/New_York',
    day: '2027-03-14',
    next: '2027-03-15',
    kind: 'gap',
    odd: '02:30',
    oddAt: null,
    nineAt: '2027-03-14T13:00:00.000Z',
    nextOddAt: '2027-03-15T06:30:00.000Z',
  },
  {
    zone: 'America/New_York',
    day: '2027-11-07',
    next: '2027-11-08',
    kind: 'overlap',
    odd: '01:30',
    oddAt: '2027-11-07T05:30:00.000Z',
    nineAt: '2027-11-07T14:00:00.000Z',
    nextOddAt: '2027-11-08T06:30:00.000Z',
  },
];

describe('queue slots across DST changes', () => {
  for (const c of CHANGES) {
    it(`${c.zone} ${c.day} (${c.kind}): slots keep their wall-clock time`, async () => {
      const { ws, editor, manager } = zones[c.zone] ?? { ws: '', editor: owner, manager: owner };
      const channel = await createChannel(t, owner, ws, `${c.zone} ${c.day}`);
      await replaceSlots(t, owner, ws, channel, everyDay(c.odd, '09:00'));
      // Noon, UTC, the day before: every slot of that day in either zone has passed or is hours away.
      const dayBefore = new Date(`${c.day}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      dayBefore.setUTCHours(18);
      const posts = [];
      for (let i = 0; i < 3; i++)
        posts.push(await approvedPost(t, editor, owner, ws, [channel], `${c.day} #${i}`));
      // Only the queue runs at the fake time, with an API token (sessions would have expired by 2027).
      const real = t.ctx.clock;
      t.ctx.clock = () => dayBefore;
      try {
        const got: { at: string; local: string; timezone: string }[] = [];
        for (const post of posts) {
          const res = await addToQueue(t, manager, ws, post.id);
          expect(res.statusCode, res.body).toBe(200);
          got.push(res.json().schedule);
        }
        expect(got.every((s) => s.timezone === c.zone)).toBe(true);
        if (c.kind === 'gap') {
          // The gap slot does not exist that day: skipped, not moved.
          expect(got.map((s) => s.local)).toEqual([
            `${c.day}T09:00`,
            `${c.next}T${c.odd}`,
            `${c.next}T09:00`,
          ]);
          expect(got.map((s) => s.at)).toEqual([c.nineAt, c.nextOddAt, expect.any(String)]);
        } else {
          // The overlap slot happens twice: it is used once, at the earlier instant.
          expect(got.map((s) => s.local)).toEqual([
            `${c.day}T${c.odd}`,
            `${c.day}T09:00`,
            `${c.next}T${c.odd}`,
          ]);
          expect(got.map((s) => s.at)).toEqual([c.oddAt, c.nineAt, c.nextOddAt]);
        }
      } finally {
        t.ctx.clock = real;
      }
    });
  }
});

describe('scheduled posts across DST changes (2027, still ahead)', () => {
  const schedule = (ws: string, postId: string, path: 'schedule' | 'reschedule', local: string) =>
    call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/posts/${postId}/${path}`,
      payload: { local },
    });

  it('keeps the wall-clock time on both sides of a change, and when rescheduled over it', async () => {
    const { ws, editor } = zones['Europe/Paris'] ?? { ws: '', editor: owner, manager: owner };
    const channel = await createChannel(t, owner, ws, 'Paris 2027');
    const before = await approvedPost(t, editor, owner, ws, [channel], 'Saturday 9am');
    const res = await schedule(ws, before.id, 'schedule', '2027-03-27T09:00');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schedule).toEqual({
      at: '2027-03-27T08:00:00.000Z',
      timezone: 'Europe/Paris',
      local: '2027-03-27T09:00',
    });
    const moved = await schedule(ws, before.id, 'reschedule', '2027-03-29T09:00');
    expect(moved.json().schedule).toEqual({
      at: '2027-03-29T07:00:00.000Z',
      timezone: 'Europe/Paris',
      local: '2027-03-29T09:00',
    });
    const calendar = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/calendar?from=2027-03-29&to=2027-03-30&channel=${channel}`,
    });
    expect(calendar.json().items.map((e: { start: string }) => e.start)).toEqual([
      '2027-03-29T07:00:00.000Z',
    ]);
  });

  for (const [zone, gapLocal, gap] of [
    ['Europe/Paris', '2027-03-28T02:30', { from: '02:00', to: '03:00' }],
    ['America/New_York', '2027-03-14T02:15', { from: '02:00', to: '03:00' }],
  ] as const) {
    it(`${zone}: a time picked in the spring-forward gap is refused with 422 naming the gap`, async () => {
      const { ws, editor } = zones[zone] ?? { ws: '', editor: owner, manager: owner };
      const channel = await createChannel(t, owner, ws, `${zone} gap`);
      const post = await approvedPost(t, editor, owner, ws, [channel], 'In the gap');
      const res = await schedule(ws, post.id, 'schedule', gapLocal);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toMatchObject({ reason: 'nonexistent_local_time', gap });
      expect(res.json().error.message).toContain('02:00');
    });
  }

  for (const [zone, overlapLocal, earlier] of [
    ['Europe/Paris', '2027-10-31T02:30', '2027-10-31T00:30:00.000Z'],
    ['America/New_York', '2027-11-07T01:30', '2027-11-07T05:30:00.000Z'],
  ] as const) {
    it(`${zone}: a time picked in the fall-back overlap goes out at the earlier instant`, async () => {
      const { ws, editor } = zones[zone] ?? { ws: '', editor: owner, manager: owner };
      const channel = await createChannel(t, owner, ws, `${zone} overlap`);
      const post = await approvedPost(t, editor, owner, ws, [channel], 'Twice?');
      const res = await schedule(ws, post.id, 'schedule', overlapLocal);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().schedule).toEqual({ at: earlier, timezone: zone, local: overlapLocal });
    });
  }
});
