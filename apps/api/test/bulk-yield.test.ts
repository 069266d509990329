// Issue 10, finding 27: during a 500-post bulk create /api/health waited 2.9 s and the in-process
// publisher's cron missed 121 runs. On the embedded database every query answers in the same
// thread, so a loop of awaited queries never gave the event loop back; bulk create and CSV import
// now yield between items. Measured here as event-loop turns, not time: a setImmediate callback
// runs once per turn of the loop, after pending I/O and timers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from './calendar-fixtures';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let editor: Caller;
let ws: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  editor = await addMember(t, owner, ws, 'editor');
  await createChannel(t, owner, ws, 'Main');
});
afterAll(() => t.close());

/** Runs `work` while counting the turns of the event loop. */
async function countTurns<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let spinning = true;
  const spin = () => {
    turns++;
    if (spinning) setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { result: await work(), turns };
  } finally {
    spinning = false;
  }
}

const ITEMS = 200;

describe('long bulk writes give the event loop back', () => {
  it('turns the loop at least once per round of items of a bulk create', async () => {
    const items = Array.from({ length: ITEMS }, (_, i) => ({
      text: `Bulk ${i}`,
      targets: [{ channelId: 'main' }],
    }));
    const channels = await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${ws}/channels` });
    const channelId = channels.json().items[0].id;
    for (const item of items) item.targets = [{ channelId }];
    const { result, turns } = await countTurns(() =>
      call(t, editor, { method: 'POST', url: `/api/v1/workspaces/${ws}/posts/bulk`, payload: { items } }),
    );
    expect(result.statusCode).toBe(200);
    expect(result.json().created).toBe(ITEMS);
    // Items are created four at a time: the loop turns at least once per round of four.
    expect(turns).toBeGreaterThanOrEqual(ITEMS / 4);
  });

  it('turns the loop at least once per row of a CSV import', async () => {
    const csv = ['text,channels', ...Array.from({ length: ITEMS }, (_, i) => `Row ${i},Main`)].join('\n');
    const { result, turns } = await countTurns(() =>
      call(t, editor, {
        method: 'POST',
        url: `/api/v1/workspaces/${ws}/posts/import`,
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      }),
    );
    expect(result.statusCode).toBe(201);
    expect(result.json().created).toBe(ITEMS);
    expect(turns).toBeGreaterThanOrEqual(ITEMS);
  });
});
