// Response-time commitments (issue 16): the workspace's first-response target in working hours
// (its timezone and working days); items past it are flagged, filtered and counted; the working
// minutes to the first response and to done are recorded on each item for the reports.
import { channels, inboxItems, inboxReplies } from '@cadence/db';
import { markReplySending, markReplySent } from '@cadence/domain/inbox/reply-ledger';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
// Paris is at UTC+1 in November.
const paris = (iso: string) => new Date(`${iso}:00+01:00`);
// Monday 23 November 2026, 10:00 in Paris.
const now = paris('2026-11-23T10:00');
const ids: Record<'friday5pm' | 'friday530' | 'answered' | 'done', string> = {
  friday5pm: '',
  friday530: '',
  answered: '',
  done: '',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  t.ctx.clock = () => now;
  const channelId = randomUUID();
  await t.ctx.database.db.insert(channels).values({
    id: channelId,
    workspaceId: w.ws,
    network: 'mastodon',
    displayName: 'M',
    handle: '@m@x.example',
  });
  const seed = async (
    externalId: string,
    createdAt: Date,
    extra: Partial<typeof inboxItems.$inferInsert> = {},
  ) => {
    const [row] = await t.ctx.database.db
      .insert(inboxItems)
      .values({
        workspaceId: w.ws,
        channelId,
        network: 'mastodon',
        externalId,
        kind: 'mention',
        authorHandle: 'fan@example.social',
        text: 'Hello?',
        createdAt,
        threadRootExternalId: externalId,
        ...extra,
      })
      .returning();
    return row?.id as string;
  };
  ids.friday5pm = await seed('1', paris('2026-11-20T17:00'));
  ids.friday530 = await seed('2', paris('2026-11-20T17:30'));
  ids.answered = await seed('3', paris('2026-11-19T10:00'), { firstResponseAt: paris('2026-11-19T11:00') });
  ids.done = await seed('4', paris('2026-11-18T10:00'), {
    status: 'done',
    resolvedAt: paris('2026-11-18T12:00'),
  });
});
afterAll(async () => t.close());

const url = (rest: string) => `/api/v1/workspaces/${w.ws}${rest}`;
const settings = (payload: Record<string, unknown>) =>
  call(t, w.manager, { method: 'PATCH', url: url(''), payload });
const counts = async () => (await call(t, w.viewer, { method: 'GET', url: url('/inbox/counts') })).json();

describe('first-response target', () => {
  it('is set by managers in working hours, validated field by field', async () => {
    expect((await counts()).pastTarget).toBe(0);
    for (const [payload, field] of [
      [{ firstResponseTargetMinutes: 0 }, 'body.firstResponseTargetMinutes'],
      [{ workingDays: [1, 1] }, 'body.workingDays'],
      [{ workingDays: [8] }, 'body.workingDays.0'],
      [{ workingHoursStart: '9h' }, 'body.workingHoursStart'],
      [{ workingHoursEnd: '08:00' }, 'body.workingHoursEnd'],
    ] as const) {
      const res = await settings(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
    }
    expect(
      (
        await call(t, w.editor, {
          method: 'PATCH',
          url: url(''),
          payload: { firstResponseTargetMinutes: 60 },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await settings({
      firstResponseTargetMinutes: 120,
      workingDays: [5, 1, 2, 3, 4],
      workingHoursStart: '09:00',
      workingHoursEnd: '18:00',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ firstResponseTargetMinutes: 120, workingDays: [1, 2, 3, 4, 5] });
  });

  it('flags and counts the items past it, counting only working hours', async () => {
    // Friday 17:00 to Monday 10:00 is two working hours: past. Friday 17:30: ninety minutes.
    expect((await counts()).pastTarget).toBe(1);
    const late = await call(t, w.viewer, { method: 'GET', url: url('/inbox/items?pastTarget=true') });
    expect(late.json().items.map((i: { id: string }) => i.id)).toEqual([ids.friday5pm]);
    const all = await call(t, w.viewer, { method: 'GET', url: url('/inbox/items') });
    const flags = Object.fromEntries(
      all.json().items.map((i: { id: string; pastTarget: boolean }) => [i.id, i.pastTarget]),
    );
    expect(flags).toEqual({
      [ids.friday5pm]: true,
      [ids.friday530]: false,
      [ids.answered]: false,
      [ids.done]: false,
    });
    // Saturday and Sunday do not count: with weekends worked, the 17:30 item is late too.
    await settings({ workingDays: [1, 2, 3, 4, 5, 6, 7] });
    expect((await counts()).pastTarget).toBe(2);
    await settings({ workingDays: [1, 2, 3, 4, 5] });
    // No target, nothing is late.
    await settings({ firstResponseTargetMinutes: null });
    expect((await counts()).pastTarget).toBe(0);
    await settings({ firstResponseTargetMinutes: 120 });
  });

  it('does not flag or count an item while it is snoozed; the clock runs on (decision 0270)', async () => {
    const snooze = (snoozedUntil: string | null) =>
      call(t, w.editor, {
        method: 'PATCH',
        url: url(`/inbox/items/${ids.friday5pm}`),
        payload: { snoozedUntil },
      });
    const snoozed = await snooze(paris('2026-11-23T15:00').toISOString());
    expect(snoozed.statusCode, snoozed.body).toBe(200);
    expect(snoozed.json().pastTarget).toBe(false);
    expect((await counts()).pastTarget).toBe(0);
    const late = await call(t, w.viewer, { method: 'GET', url: url('/inbox/items?pastTarget=true') });
    expect(late.json().items).toEqual([]);
    const notLate = await call(t, w.viewer, { method: 'GET', url: url('/inbox/items?pastTarget=false') });
    expect(notLate.json().items.map((i: { id: string }) => i.id)).toContain(ids.friday5pm);
    // When the snooze ends the item is late again, by all the working time since it was written.
    t.ctx.clock = () => paris('2026-11-23T15:01');
    expect((await counts()).pastTarget).toBe(2);
    const conversation = await call(t, w.viewer, {
      method: 'GET',
      url: url(`/inbox/items/${ids.friday5pm}`),
    });
    expect(conversation.json().item.pastTarget).toBe(true);
    t.ctx.clock = () => now;
    expect((await snooze(null)).json().pastTarget).toBe(true);
    expect((await counts()).pastTarget).toBe(1);
  });

  it('records working minutes to the first response and to done, for the reports', async () => {
    const db = t.ctx.database.db;
    const [reply] = await db
      .insert(inboxReplies)
      .values({
        workspaceId: w.ws,
        itemId: ids.friday530,
        channelId: (await itemRow(ids.friday530)).channelId,
        text: 'Hi',
      })
      .returning();
    await markReplySending(db, reply?.id as string, now, true);
    await markReplySent(db, reply?.id as string, { externalId: 'x1', externalUrl: null }, now);
    // Friday 17:30-18:00 and Monday 09:00-10:00.
    expect(await itemRow(ids.friday530)).toMatchObject({
      firstResponseAt: now,
      firstResponseWorkingMinutes: 90,
    });

    const done = await call(t, w.editor, {
      method: 'PATCH',
      url: url(`/inbox/items/${ids.friday5pm}`),
      payload: { status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ resolutionWorkingMinutes: 120, pastTarget: false });
    expect((await counts()).pastTarget).toBe(0);
    const reopened = await call(t, w.editor, {
      method: 'PATCH',
      url: url(`/inbox/items/${ids.friday5pm}`),
      payload: { status: 'open' },
    });
    expect(reopened.json()).toMatchObject({
      resolutionWorkingMinutes: null,
      resolvedAt: null,
      pastTarget: true,
    });
  });
});

async function itemRow(id: string) {
  const [row] = await t.ctx.database.db.select().from(inboxItems).where(eq(inboxItems.id, id));
  if (!row) throw new Error('no item');
  return row;
}
