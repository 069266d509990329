import { auditEvents } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToQueue,
  approvedPost,
  createChannel,
  everyDay,
  replaceSlots,
  seedPost,
} from './calendar-fixtures';
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
let editor: Caller;
let viewer: Caller;
let ws: string;
let otherWs: string;
let channel: string;
let otherChannel: string;

const slotsUrl = (channelId: string, workspaceId = ws) =>
  `/api/v1/workspaces/${workspaceId}/channels/${channelId}/queue-slots`;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  channel = await createChannel(t, owner, ws, 'Main');
  otherWs = (await createWorkspace(t, owner, { locale: 'en' })).id;
  otherChannel = await createChannel(t, owner, otherWs, 'Theirs');
});

afterAll(async () => t.close());

describe('queue slots', () => {
  it('starts empty, is replaced whole by a manager, read by anyone, and audited', async () => {
    const empty = await call(t, viewer, { method: 'GET', url: slotsUrl(channel) });
    expect(empty.json()).toEqual({ channelId: channel, timezone: 'Europe/Paris', slots: [] });
    const put = await replaceSlots(t, owner, ws, channel, [
      { weekday: 3, localTime: '17:30' },
      { weekday: 1, localTime: '09:00' },
      { weekday: 3, localTime: '08:15' },
    ]);
    expect(put.statusCode).toBe(200);
    expect(put.json().slots).toEqual([
      { weekday: 1, localTime: '09:00' },
      { weekday: 3, localTime: '08:15' },
      { weekday: 3, localTime: '17:30' },
    ]);
    const again = await replaceSlots(t, owner, ws, channel, [{ weekday: 2, localTime: '10:00' }]);
    expect(again.json().slots).toEqual([{ weekday: 2, localTime: '10:00' }]);
    expect((await call(t, viewer, { method: 'GET', url: slotsUrl(channel) })).json().slots).toHaveLength(1);
    const audit = await t.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, channel));
    expect(audit.filter((a) => a.action === 'channel.queue_slots_replaced')).toHaveLength(2);
  });

  it('is changed by managers only', async () => {
    expect((await replaceSlots(t, editor, ws, channel, [])).statusCode).toBe(403);
    expect((await replaceSlots(t, viewer, ws, channel, [])).statusCode).toBe(403);
    const managerToken = await createToken(t, owner, ws, 'manager');
    expect(
      (await replaceSlots(t, managerToken, ws, channel, [{ weekday: 2, localTime: '10:00' }])).statusCode,
    ).toBe(200);
  });

  it('refuses bad weekdays, times, duplicates and unknown fields, naming the field', async () => {
    const cases: [unknown, string][] = [
      [[{ weekday: 8, localTime: '10:00' }], 'body.slots.0.weekday'],
      [[{ weekday: 0, localTime: '10:00' }], 'body.slots.0.weekday'],
      [[{ weekday: 1, localTime: '24:00' }], 'body.slots.0.localTime'],
      [[{ weekday: 1, localTime: '9:00' }], 'body.slots.0.localTime'],
      [
        [
          { weekday: 1, localTime: '09:00' },
          { weekday: 1, localTime: '09:00' },
        ],
        // The repeat itself is named.
        'body.slots.1',
      ],
      [[{ weekday: 1, localTime: '09:00', channelId: otherChannel }], 'body.slots.0.channelId'],
      [Array.from({ length: 201 }, (_, i) => ({ weekday: 1 + (i % 7), localTime: '10:00' })), 'body.slots'],
    ];
    for (const [slots, field] of cases) {
      const res = await call(t, owner, { method: 'PUT', url: slotsUrl(channel), payload: { slots } });
      expect(res.statusCode, JSON.stringify(slots).slice(0, 80)).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it("answers 404 for another workspace's channel, as for a missing one", async () => {
    const theirs = await call(t, owner, { method: 'GET', url: slotsUrl(otherChannel) });
    const missing = await call(t, owner, {
      method: 'GET',
      url: slotsUrl('00000000-0000-4000-8000-000000000000'),
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.message).toBe(missing.json().error.message);
    expect((await replaceSlots(t, owner, ws, otherChannel, [])).statusCode).toBe(404);
    expect((await call(t, viewer, { method: 'GET', url: slotsUrl(otherChannel, otherWs) })).statusCode).toBe(
      404,
    );
  });
});

describe('next free slots', () => {
  it('skips taken slots and those the charter refuses, walking from now in the workspace zone', async () => {
    const managerChannel = await createChannel(t, owner, ws, 'Preview');
    await replaceSlots(t, owner, ws, managerChannel, everyDay('09:00', '12:00', '18:00'));
    const charter = await call(t, owner, {
      method: 'PUT',
      url: `/api/v1/workspaces/${ws}/charter`,
      payload: {
        baseVersion: 0,
        rules: {
          rules: {
            postingWindows: {
              byWeekday: Object.fromEntries(
                [1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '08:00', end: '17:00' }]]),
              ),
              severity: 'block',
            },
            blackoutDates: { dates: [{ from: '2026-06-03', to: '2026-06-03' }], severity: 'block' },
          },
        },
      },
    });
    expect(charter.statusCode).toBe(200);
    // Monday 2026-06-01 10:00 in Paris; Tuesday 09:00 holds a scheduled post, a draft at 12:00 does not count.
    t.ctx.clock = () => new Date('2026-06-01T08:00:00Z');
    await seedPost(t, {
      workspaceId: ws,
      channelIds: [managerChannel],
      text: 'x',
      at: new Date('2026-06-02T07:00:00Z'),
    });
    await seedPost(t, {
      workspaceId: ws,
      channelIds: [managerChannel],
      text: 'draft',
      status: 'draft',
      at: new Date('2026-06-02T10:00:00Z'),
    });
    const res = await call(t, viewer, { method: 'GET', url: `${slotsUrl(managerChannel)}/next?count=4` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((s: { local: string }) => s.local)).toEqual([
      '2026-06-01T12:00',
      '2026-06-02T12:00',
      '2026-06-04T09:00',
      '2026-06-04T12:00',
    ]);
    expect(res.json().items[0]).toEqual({
      at: '2026-06-01T10:00:00.000Z',
      local: '2026-06-01T12:00',
      ambiguous: false,
    });
    expect(
      (await call(t, viewer, { method: 'GET', url: `${slotsUrl(managerChannel)}/next?count=51` })).statusCode,
    ).toBe(400);
    t.ctx.clock = () => new Date();
  });
});

describe('add to queue', () => {
  // Monday 2026-06-01, 10:00 in Paris.
  const now = new Date('2026-06-01T08:00:00Z');
  let blog: string;
  let shop: string;
  let bare: string;

  beforeAll(async () => {
    t.ctx.clock = () => now;
    blog = await createChannel(t, owner, ws, 'Blog');
    shop = await createChannel(t, owner, ws, 'Shop');
    bare = await createChannel(t, owner, ws, 'No slots');
    await replaceSlots(t, owner, ws, blog, everyDay('09:00', '12:00', '16:00'));
    await replaceSlots(t, owner, ws, shop, [
      { weekday: 2, localTime: '16:00' },
      { weekday: 3, localTime: '12:00' },
    ]);
  });

  afterAll(() => {
    t.ctx.clock = () => new Date();
  });

  it('schedules a post on the next free slot of its channel, keeping the wall-clock time and zone', async () => {
    const post = await approvedPost(t, editor, owner, ws, [blog], 'First in line');
    const res = await addToQueue(t, owner, ws, post.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('scheduled');
    expect(body.schedule).toEqual({
      at: '2026-06-01T10:00:00.000Z',
      timezone: 'Europe/Paris',
      local: '2026-06-01T12:00',
    });
    expect(body.targets[0]).toMatchObject({ status: 'scheduled', scheduledAt: '2026-06-01T10:00:00.000Z' });
    expect(res.headers.etag).toBe(`"${body.version}"`);
    const next = await approvedPost(t, editor, owner, ws, [blog], 'Second in line');
    expect((await addToQueue(t, owner, ws, next.id)).json().schedule.local).toBe('2026-06-01T16:00');
  });

  it('puts a post on several channels at the earliest slot free on all of them', async () => {
    const post = await approvedPost(t, editor, owner, ws, [blog, shop], 'Both channels');
    const res = await addToQueue(t, owner, ws, post.id);
    expect(res.statusCode).toBe(200);
    // Blog is free at Tuesday 09:00 but Shop's first slot is Tuesday 16:00.
    expect(res.json().schedule.local).toBe('2026-06-02T16:00');
    expect(res.json().targets.map((x: { scheduledAt: string }) => x.scheduledAt)).toEqual([
      '2026-06-02T14:00:00.000Z',
      '2026-06-02T14:00:00.000Z',
    ]);
    // Tuesday 16:00 is now taken on both, Wednesday is a blackout in the charter saved above:
    // the next common slot is a week later.
    const again = await approvedPost(t, editor, owner, ws, [shop, blog], 'Both again');
    expect((await addToQueue(t, owner, ws, again.id)).json().schedule.local).toBe('2026-06-09T16:00');
  });

  it('answers 422 when a channel has no slots or the channels share no free slot', async () => {
    const noSlots = await approvedPost(t, editor, owner, ws, [blog, bare], 'Nowhere');
    const res = await addToQueue(t, owner, ws, noSlots.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual({ reason: 'no_queue_slots', channelIds: [bare] });
    await replaceSlots(t, owner, ws, bare, [{ weekday: 1, localTime: '08:30' }]);
    const apart = await addToQueue(t, owner, ws, noSlots.id);
    expect(apart.statusCode).toBe(422);
    const details = apart.json().error.details;
    expect(details.reason).toBe('no_common_slot');
    expect(details.nextFreeByChannel).toContainEqual({
      channelId: bare,
      next: { at: '2026-06-08T06:30:00.000Z', local: '2026-06-08T08:30', ambiguous: false },
    });
  });

  it('follows the workflow: managers only, approved posts only, current version only, own workspace only', async () => {
    const post = await approvedPost(t, editor, owner, ws, [blog], 'Rules apply');
    expect((await addToQueue(t, editor, ws, post.id)).statusCode).toBe(403);
    expect((await addToQueue(t, viewer, ws, post.id)).statusCode).toBe(403);
    const stale = await addToQueue(t, owner, ws, post.id, { version: post.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(post.version);
    const draft = await call(t, editor, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/posts`,
      payload: { text: 'Not approved', targets: [{ channelId: blog }] },
    });
    const refused = await addToQueue(t, owner, ws, draft.json().id);
    expect(refused.statusCode).toBe(409);
    expect((await addToQueue(t, owner, otherWs, post.id)).statusCode).toBe(404);
    expect((await addToQueue(t, owner, ws, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await addToQueue(t, owner, ws, post.id, { version: post.version })).statusCode).toBe(200);
    expect((await addToQueue(t, owner, ws, post.id)).statusCode).toBe(409);
  });

  it('gives concurrent queue requests on one channel different slots', async () => {
    const solo = await createChannel(t, owner, ws, 'Solo');
    await replaceSlots(t, owner, ws, solo, everyDay('10:00'));
    const a = await approvedPost(t, editor, owner, ws, [solo], 'Race A');
    const b = await approvedPost(t, editor, owner, ws, [solo], 'Race B');
    const [ra, rb] = await Promise.all([addToQueue(t, owner, ws, a.id), addToQueue(t, owner, ws, b.id)]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    // (Wednesday 3 is a blackout in the charter saved above.)
    expect([ra.json().schedule.local, rb.json().schedule.local].sort()).toEqual([
      '2026-06-02T10:00',
      '2026-06-04T10:00',
    ]);
  });
});
