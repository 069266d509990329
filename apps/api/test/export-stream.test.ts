// Issue 10, finding 9: one viewer's JSON export reached 509 MB and 4 GB of memory, built whole in
// memory. Exports are now measured first (lines and bytes, refused past the caps naming `to`),
// streamed a page at a time, and limited per caller and per workspace.
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from './calendar-fixtures';
import {
  addMember,
  type Caller,
  call,
  createTestApp,
  createToken,
  setupOwner,
  type TestApp,
} from './helpers';

let t: TestApp;
let owner: Caller;
let viewer: Caller;
let ws: string;
let blog: string;

const exportRange = (caller: Caller, query: string) =>
  call(t, caller, { method: 'GET', url: `/api/v1/workspaces/${ws}/posts/export?${query}` });

/** `count` posts on the blog one minute apart from `start`, each `textLength` characters long. */
async function seed(start: string, count: number, textLength: number) {
  await t.ctx.database.db.execute(sql`
    with made as (
      insert into posts (workspace_id, text, status, scheduled_at)
      select ${ws}::uuid, repeat('x', ${textLength}::int) || ' #' || g, 'scheduled',
             ${start}::timestamptz + make_interval(mins => g)
      from generate_series(1, ${count}::int) as g
      returning id, scheduled_at
    )
    insert into post_targets (post_id, workspace_id, channel_id, network, status, scheduled_at)
    select id, ${ws}::uuid, ${blog}::uuid, 'sandbox', 'scheduled', scheduled_at from made`);
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  viewer = await addMember(t, owner, ws, 'viewer');
  blog = await createChannel(t, owner, ws, 'Blog');
  await seed('2026-10-01T06:00:00Z', 450, 20);
  // 3,000 posts of 25,000 characters: about 72 MiB of text, over the 64 MiB cap.
  await seed('2026-11-01T06:00:00Z', 3_000, 25_000);
}, 120_000);
afterAll(() => t.close());

describe('exports', () => {
  it('streams every line of a range over several pages, in order, as JSON and CSV', async () => {
    const json = await exportRange(viewer, 'from=2026-10-01&to=2026-10-02&format=json');
    expect(json.statusCode).toBe(200);
    // Sent as it is produced: no length known in advance.
    expect(json.headers['content-length']).toBeUndefined();
    const items = json.json().items as { text: string; scheduled_at: string }[];
    expect(items).toHaveLength(450);
    expect(items.map((i) => i.text.split('#')[1])).toEqual(
      Array.from({ length: 450 }, (_, i) => String(i + 1)),
    );
    const csv = await exportRange(viewer, 'from=2026-10-01&to=2026-10-02');
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(450);
    expect(rows[449]?.text).toMatch(/#450$/);
  });

  it('refuses a range holding more than the byte cap before sending anything, naming to', async () => {
    const res = await exportRange(viewer, 'from=2026-11-01&to=2026-11-05&format=json');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        field: 'querystring.to',
        message: expect.stringContaining('MiB of posts: narrow it'),
        reason: 'export_over_size',
      },
    ]);
  });

  it('gives each caller a few exports a minute', async () => {
    const token = await createToken(t, owner, ws, 'viewer');
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await exportRange(token, 'from=2026-10-01&to=2026-10-02')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });
});
