import { posts } from '@cadence/db';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, seedPost } from './calendar-fixtures';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let editor: Caller;
let viewer: Caller;
let ws: string;
let blog: string;
let shop: string;

const importCsv = (caller: Caller, csv: string, query = '') =>
  call(t, caller, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/posts/import${query}`,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  });
const exportRange = (caller: Caller, query: string) =>
  call(t, caller, { method: 'GET', url: `/api/v1/workspaces/${ws}/posts/export?${query}` });
const countText = async (prefix: string) =>
  (await t.ctx.database.db.select({ text: posts.text }).from(posts).where(eq(posts.workspaceId, ws))).filter(
    (p) => p.text.startsWith(prefix),
  ).length;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  blog = await createChannel(t, owner, ws, 'Blog');
  shop = await createChannel(t, owner, ws, 'Shop');
});

afterAll(async () => t.close());

describe('CSV import', () => {
  it('creates a draft per row, naming channels by name or id, with quoted multi-line text', async () => {
    const csv = [
      'text,channels,labels,requested_local,link',
      `"Import one, with a comma\nand a second line",Blog|${shop},a|b,2027-05-04 09:30,https://example.com/x`,
      'Import two 🎉 été,shop,,,',
    ].join('\n');
    const res = await importCsv(editor, csv);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: false, created: 2 });
    expect(body.posts.map((p: { row: number }) => p.row)).toEqual([2, 3]);
    const first = await call(t, editor, {
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/posts/${body.posts[0].id}`,
    });
    expect(first.json()).toMatchObject({
      status: 'draft',
      text: 'Import one, with a comma\nand a second line',
      labels: ['a', 'b'],
      link: 'https://example.com/x',
      schedule: { local: '2027-05-04T09:30', timezone: 'Europe/Paris', at: '2027-05-04T07:30:00.000Z' },
    });
    expect(
      first
        .json()
        .targets.map((x: { channelId: string }) => x.channelId)
        .sort(),
    ).toEqual([blog, shop].sort());
  });

  it('imports nothing when any row is wrong, and reports every problem by row and column', async () => {
    const csv = [
      'text,channels,requested_local,campaign_id',
      'Bad one,Nowhere,,',
      'Bad two,Blog,2027-03-28 02:30,',
      'Good but not alone,Blog,,',
      `Bad four,Blog,,00000000-0000-4000-8000-000000000000`,
      `${'x'.repeat(25_001)},Blog,,`,
      'Bad six,,,',
    ].join('\n');
    const res = await importCsv(editor, csv);
    expect(res.statusCode).toBe(422);
    const errors = res.json().error.details.errors as { row: number; field: string; message: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'channels'],
      [3, 'requested_local'],
      // A campaign the workspace does not have.
      [5, 'campaign_id'],
      [6, 'text'],
      [7, 'channels'],
    ]);
    expect(errors[1]?.message).toContain('02:00');
    expect(await countText('Good but not alone')).toBe(0);
  });

  it('checks without creating on dryRun', async () => {
    const res = await importCsv(editor, 'text,channels\nDry run,Blog\n', '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: true, created: 0, posts: [] });
    expect(await countText('Dry run')).toBe(0);
  });

  it('refuses unreadable files, unknown or missing columns, and more than 500 rows', async () => {
    const unknown = await importCsv(editor, 'text,channels,status\nx,Blog,approved\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 1, field: 'status' }),
    ]);
    const missing = await importCsv(editor, 'text\nx\n');
    expect(missing.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 1, field: 'channels' }),
    ]);
    const ragged = await importCsv(editor, 'text,channels\n"unclosed,Blog\n');
    expect(ragged.statusCode).toBe(400);
    expect(ragged.json().error.code).toBe('validation_failed');
    const rows = Array.from({ length: 501 }, (_, i) => `Row ${i},Blog`).join('\n');
    const tooMany = await importCsv(editor, `text,channels\n${rows}\n`);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error.message).toContain('500');
    const json = await call(t, editor, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/posts/import`,
      payload: { text: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect((await importCsv(viewer, 'text,channels\nx,Blog\n')).statusCode).toBe(403);
  });
});

describe('export', () => {
  beforeAll(async () => {
    await seedPost(t, {
      workspaceId: ws,
      channelIds: [blog, shop],
      text: '=HYPERLINK("http://evil")',
      at: new Date('2026-07-01T07:00:00Z'),
    });
    await seedPost(t, {
      workspaceId: ws,
      channelIds: [blog],
      text: 'Été 🌞, "quoted"\nline two',
      at: new Date('2026-07-02T07:00:00Z'),
    });
    await seedPost(t, {
      workspaceId: ws,
      channelIds: [blog],
      text: 'August',
      at: new Date('2026-08-01T07:00:00Z'),
    });
  });

  it('exports the targets of a range as CSV a parser reads back, guarded against formulas', async () => {
    const res = await exportRange(viewer, 'from=2026-07-01&to=2026-08-01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="cadence-.*\.csv"/);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.text)).toEqual([
      '\'=HYPERLINK("http://evil")',
      '\'=HYPERLINK("http://evil")',
      'Été 🌞, "quoted"\nline two',
    ]);
    expect(rows[2]).toMatchObject({
      scheduled_at: '2026-07-02T07:00:00.000Z',
      scheduled_local: '2026-07-02T09:00',
      timezone: 'Europe/Paris',
      channel: 'Blog',
      post_status: 'scheduled',
    });
  });

  it('exports JSON, and refuses ranges over 366 days naming the field', async () => {
    const res = await exportRange(viewer, 'from=2026-07-01&to=2026-09-01&format=json');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { text: string }) => i.text)).toEqual([
      '=HYPERLINK("http://evil")',
      '=HYPERLINK("http://evil")',
      'Été 🌞, "quoted"\nline two',
      'August',
    ]);
    const tooLong = await exportRange(viewer, 'from=2026-01-01&to=2027-01-03');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0].field).toBe('querystring.to');
    expect((await exportRange(viewer, 'from=2026-01-01&to=2026-02-01&format=xml')).statusCode).toBe(400);
  });

  it('round-trips exported text through the import unchanged', async () => {
    const exported = await exportRange(viewer, 'from=2026-07-01&to=2026-07-02');
    const rows = parse(exported.body, { bom: true, columns: true }) as Record<string, string>[];
    const csv = `text,channels\n${rows.map((r) => `"${(r.text ?? '').replaceAll('"', '""')}",${r.channel}`).join('\n')}\n`;
    const res = await importCsv(editor, csv);
    expect(res.statusCode, res.body).toBe(201);
    const post = await call(t, editor, {
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/posts/${res.json().posts[0].id}`,
    });
    expect(post.json().text).toBe('=HYPERLINK("http://evil")');
  });
});
