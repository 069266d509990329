// Issue 10, finding 2: 20 channels of 200 weekly slots with a posting-windows rule held the server
// 41 s on "add to queue" and 2 s on each preview. The walk now drops what the windows always
// refuse, walks only the slots all channels share, and stops at a budget with a 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToQueue, approvedPost, createChannel, replaceSlots } from './calendar-fixtures';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let editor: Caller;
let viewer: Caller;
let ws: string;
const shared: string[] = [];
const apart: string[] = [];

// 200 weekly slots: every 48 minutes of every day from midnight (29 a day, the last day short).
function weekOfSlots(offsetMinutes = 0) {
  const slots: { weekday: number; localTime: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let k = 0; k < 29 && slots.length < 200; k++) {
      const minute = k * 48 + offsetMinutes;
      const hh = String(Math.floor(minute / 60)).padStart(2, '0');
      const mm = String(minute % 60).padStart(2, '0');
      slots.push({ weekday, localTime: `${hh}:${mm}` });
    }
  }
  return slots;
}

const windows = {
  byWeekday: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  severity: 'warn',
};

function saveCharter(rules: object, baseVersion: number) {
  return call(t, owner, {
    method: 'PUT',
    url: `/api/v1/workspaces/${ws}/charter`,
    payload: { rules: { rules }, baseVersion },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  expect((await saveCharter({ postingWindows: windows }, 0)).statusCode).toBe(200);
  for (let i = 0; i < 20; i++) {
    const same = await createChannel(t, owner, ws, `Shared ${i}`);
    expect((await replaceSlots(t, owner, ws, same, weekOfSlots())).statusCode).toBe(200);
    shared.push(same);
    // Each of these is one minute later than the one before: no two share a slot.
    const other = await createChannel(t, owner, ws, `Apart ${i}`);
    expect((await replaceSlots(t, owner, ws, other, weekOfSlots(i))).statusCode).toBe(200);
    apart.push(other);
  }
}, 120_000);
afterAll(() => t.close());

const isInsideWindows = (local: string) => {
  const weekday = new Date(`${local.slice(0, 10)}T12:00:00Z`).getUTCDay() || 7;
  return weekday <= 5 && local.slice(11) >= '09:00' && local.slice(11) < '18:00';
};

describe('queue slot search on many channels with posting windows', () => {
  it('queues a post on 20 channels of 200 weekly slots, inside the windows', async () => {
    const post = await approvedPost(t, editor, owner, ws, shared, 'On every channel');
    const res = await addToQueue(t, owner, ws, post.id);
    expect(res.statusCode).toBe(200);
    expect(isInsideWindows(res.json().schedule.local)).toBe(true);
  });

  it('previews the next 50 slots of such a channel for a viewer', async () => {
    const res = await call(t, viewer, {
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/channels/${shared[0]}/queue-slots/next?count=50`,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { local: string }[];
    expect(items).toHaveLength(50);
    expect(items.every((s) => isInsideWindows(s.local))).toBe(true);
  });

  it('answers no common slot at once when 20 channels share none', async () => {
    const post = await approvedPost(t, editor, owner, ws, apart, 'Nowhere together');
    const res = await addToQueue(t, owner, ws, post.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'no_common_slot' });
    expect(res.json().error.details.nextFreeByChannel).toHaveLength(20);
  });

  it('stops with a 422 when the rules refuse every slot of a year on 20 channels', async () => {
    const post = await approvedPost(t, editor, owner, ws, shared, 'Never allowed');
    expect(
      (await saveCharter({ postingWindows: windows, maxPostsPerDay: { max: 0, severity: 'warn' } }, 1))
        .statusCode,
    ).toBe(200);
    const res = await addToQueue(t, owner, ws, post.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'queue_search_exhausted' });
  });
});
