// Scheduling through the API: wall-clock times across DST, gaps and overlaps, the past, and the
// charter's schedule rules against the other posts of the same channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import {
  act,
  approveWith,
  buildWorld,
  createPost,
  daysAhead,
  getPost,
  type PostsWorld,
  postsUrl,
  saveCharter,
} from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => t.close());

/** A new approved post on the given channel (the first by default). */
async function approvedPost(channel = 0) {
  const post = await createPost(w, w.editor, { targets: [{ channelId: w.channels[channel] }] });
  return approveWith(w, post.id, [w.manager]);
}

const schedule = (id: string, body: Record<string, unknown>) => act(w, w.manager, id, 'schedule', body);

describe('wall-clock times and DST', () => {
  it('keeps 09:00 in Europe/Paris on both sides of the March 2027 change', async () => {
    const before = (await schedule((await approvedPost()).id, { local: '2027-03-27T09:00' })).json();
    const after = (await schedule((await approvedPost()).id, { local: '2027-03-29T09:00' })).json();
    expect(before.schedule).toEqual({
      at: '2027-03-27T08:00:00.000Z',
      timezone: 'Europe/Paris',
      local: '2027-03-27T09:00',
    });
    expect(after.schedule).toEqual({
      at: '2027-03-29T07:00:00.000Z',
      timezone: 'Europe/Paris',
      local: '2027-03-29T09:00',
    });
    expect(after.targets[0].scheduledAt).toBe('2027-03-29T07:00:00.000Z');
  });

  it('refuses a time in the spring-forward gap with 422 naming the gap', async () => {
    const post = await approvedPost();
    const paris = await schedule(post.id, { local: '2027-03-28T02:30' });
    expect(paris.statusCode).toBe(422);
    expect(paris.json().error.message).toContain('02:00');
    expect(paris.json().error.message).toContain('03:00');
    expect(paris.json().error.details).toMatchObject({
      reason: 'nonexistent_local_time',
      gap: { from: '02:00', to: '03:00' },
    });

    const ny = await schedule(post.id, { local: '2027-03-14T02:15', timezone: 'America/New_York' });
    expect(ny.statusCode).toBe(422);
    expect(ny.json().error.details.gap).toEqual({ from: '02:00', to: '03:00' });
    // A gap in the past is still named as a gap: the time does not exist, whenever it is.
    const past = await schedule(post.id, { local: '2026-03-29T02:30' });
    expect(past.json().error.details.reason).toBe('nonexistent_local_time');
    expect((await getPost(w, post.id)).status).toBe('approved');
  });

  it('resolves a fall-back overlap to the earlier instant', async () => {
    const paris = (await schedule((await approvedPost()).id, { local: '2027-10-31T02:30' })).json();
    expect(paris.schedule).toEqual({
      at: '2027-10-31T00:30:00.000Z',
      timezone: 'Europe/Paris',
      local: '2027-10-31T02:30',
    });
    const ny = await schedule((await approvedPost()).id, {
      local: '2027-11-07T01:30',
      timezone: 'America/New_York',
    });
    expect(ny.statusCode, ny.body).toBe(200);
    expect(ny.json().schedule).toEqual({
      at: '2027-11-07T05:30:00.000Z',
      timezone: 'America/New_York',
      local: '2027-11-07T01:30',
    });
  });

  it('refuses the past unless it is publish now, and unknown zones', async () => {
    const post = await approvedPost();
    const past = await schedule(post.id, { local: '2026-01-05T10:00' });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.details.reason).toBe('in_the_past');
    expect((await schedule(post.id, { local: daysAhead(3), timezone: 'Mars/Olympus' })).statusCode).toBe(400);
    expect((await schedule(post.id, { local: daysAhead(3), publishNow: true })).statusCode).toBe(400);
    expect((await schedule(post.id, {})).statusCode).toBe(400);

    const before = Date.now();
    const now = await schedule(post.id, { publishNow: true });
    expect(now.statusCode, now.body).toBe(200);
    const at = new Date(now.json().schedule.at).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    expect(now.json().targets[0].status).toBe('scheduled');
  });
});

describe('rescheduling, unscheduling, cancelling', () => {
  it('moves a scheduled post in one call under the same rules', async () => {
    const post = (await schedule((await approvedPost()).id, { local: daysAhead(50, '09:00') })).json();
    const moved = await act(w, w.manager, post.id, 'reschedule', {
      local: daysAhead(51, '17:45'),
      version: post.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().schedule.local).toBe(daysAhead(51, '17:45'));
    expect(moved.json().targets[0].scheduledAt).toBe(moved.json().schedule.at);
    expect((await act(w, w.manager, post.id, 'reschedule', { local: '2027-03-28T02:05' })).statusCode).toBe(
      422,
    );
    expect((await act(w, w.manager, post.id, 'reschedule', { local: '2026-02-01T10:00' })).statusCode).toBe(
      422,
    );
    expect(
      (await act(w, w.manager, post.id, 'reschedule', { local: daysAhead(52), version: post.version }))
        .statusCode,
    ).toBe(409);

    const history = (
      await call(t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${post.id}/history`) })
    ).json();
    const last = history.items.at(-1);
    expect(last).toMatchObject({ action: 'rescheduled', fromStatus: 'scheduled', toStatus: 'scheduled' });
    expect(last.details.previousAt).toBe(post.schedule.at);
    // An approved post that is not on the calendar is scheduled, not rescheduled.
    expect(
      (await act(w, w.manager, (await approvedPost()).id, 'reschedule', { local: daysAhead(5) })).statusCode,
    ).toBe(409);
  });

  it('unschedules back to approved and cancels targets with the post', async () => {
    const post = (await schedule((await approvedPost()).id, { local: daysAhead(60) })).json();
    const off = (await act(w, w.manager, post.id, 'unschedule')).json();
    expect(off).toMatchObject({ status: 'approved', schedule: null });
    expect(off.targets[0]).toMatchObject({ status: 'pending', scheduledAt: null });
    const cancelled = (await act(w, w.manager, post.id, 'cancel', { comment: 'Event moved' })).json();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.targets[0].status).toBe('cancelled');
  });

  it('unschedules back to draft when asked (the undo of a draft dropped on the calendar)', async () => {
    const post = (await schedule((await approvedPost()).id, { local: daysAhead(61) })).json();
    const off = await act(w, w.manager, post.id, 'unschedule', { backToDraft: true });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ status: 'draft', schedule: null });
    expect(off.json().targets[0]).toMatchObject({ status: 'pending', scheduledAt: null });
    // A draft again: approval is asked for again before it can be scheduled.
    expect((await schedule(post.id, { local: daysAhead(62) })).statusCode).toBe(409);
    const bad = await act(w, w.manager, post.id, 'unschedule', { backToDraft: 'yes' });
    expect(bad.statusCode).toBe(400);
  });

  it('schedules on approval a time requested when the post was written', async () => {
    const local = daysAhead(70, '11:00');
    const post = await createPost(w, w.editor, { requestedSchedule: { local } });
    expect(post).toMatchObject({ status: 'draft', schedule: { local, timezone: 'Europe/Paris' } });
    expect(post.targets[0].status).toBe('pending');
    const approved = await approveWith(w, post.id, [w.manager]);
    expect(approved.status).toBe('scheduled');
    expect(approved.targets[0]).toMatchObject({ status: 'scheduled', scheduledAt: approved.schedule.at });
    const gap = await call(t, w.editor, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: {
        text: 'x',
        targets: [{ channelId: w.channels[0] }],
        requestedSchedule: { local: '2027-03-28T02:30' },
      },
    });
    expect(gap.statusCode).toBe(422);
  });
});

describe('the charter’s schedule rules', () => {
  it('blocks a time too close to another post on the same channel, not on another channel', async () => {
    await saveCharter(w, { minSpacingMinutes: { minutes: 120, severity: 'block' } });
    try {
      const first = await approvedPost(0);
      expect((await schedule(first.id, { local: '2027-06-10T10:00' })).statusCode).toBe(200);
      const second = await approvedPost(0);
      const tooClose = await schedule(second.id, { local: '2027-06-10T11:00' });
      expect(tooClose.statusCode).toBe(422);
      expect(tooClose.json().error.details.violations[0]).toMatchObject({
        rule: 'minSpacingMinutes',
        channelId: w.channels[0],
      });
      expect((await getPost(w, second.id)).status).toBe('approved');
      expect((await schedule(second.id, { local: '2027-06-10T13:00' })).statusCode).toBe(200);
      const elsewhere = await approvedPost(1);
      expect((await schedule(elsewhere.id, { local: '2027-06-10T11:00' })).statusCode).toBe(200);
      // Rescheduling a post next to itself is not a conflict.
      expect(
        (await act(w, w.manager, first.id, 'reschedule', { local: '2027-06-10T10:30' })).statusCode,
      ).toBe(200);
    } finally {
      await saveCharter(w, {});
    }
  });

  it('lets only one of two concurrent schedules that would break the spacing through', async () => {
    await saveCharter(w, { minSpacingMinutes: { minutes: 120, severity: 'block' } });
    try {
      const [a, b] = [await approvedPost(0), await approvedPost(0)];
      const results = await Promise.all([
        schedule(a.id, { local: '2027-09-01T10:00' }),
        act(w, w.manager2, b.id, 'schedule', { local: '2027-09-01T10:30' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    } finally {
      await saveCharter(w, {});
    }
  });

  it('blocks a blackout date', async () => {
    await saveCharter(w, {
      blackoutDates: {
        dates: [{ from: '2027-07-14', to: '2027-07-14', reason: 'Fête nationale' }],
        severity: 'block',
      },
    });
    try {
      const post = await approvedPost();
      const res = await schedule(post.id, { local: '2027-07-14T12:00' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.violations[0].message).toContain('Fête nationale');
      expect((await schedule(post.id, { local: '2027-07-15T12:00' })).statusCode).toBe(200);
    } finally {
      await saveCharter(w, {});
    }
  });
});
