// Issue 10, finding 11: cursors, integers and dates a client controls used to reach PostgreSQL
// unchecked and fail there (500, with the SQL and its parameters in the log). Each is now refused
// with a 400 naming the field; a database data error that still slips through answers 400, and no
// log line carries a query's bound values.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, captureLogs, createTestApp, type TestApp } from './helpers';
import { buildWorld, createPost, type PostsWorld, postsUrl } from './posts-fixtures';

const logs = captureLogs('trace');
let t: TestApp;
let w: PostsWorld;
let postId: string;

// Values a person could have typed; none may appear in a log line.
const SECRET_UUID_TEXT = 'not-a-uuid-but-marie@example.com';
const SECRET_NUMBER = 987654321987654;

beforeAll(async () => {
  t = await createTestApp({}, logs.logger, {
    beforeRoutes: async (root) => {
      // Routes that skip validation on purpose, to exercise the database safety net.
      root.get('/test/unchecked-uuid', { config: { access: 'public' } }, async () => {
        await t.ctx.database.db.execute(sql`select ${SECRET_UUID_TEXT}::uuid`);
        return { ok: true };
      });
      root.get('/test/unchecked-int', { config: { access: 'public' } }, async () => {
        await t.ctx.database.db.execute(sql`select ${String(SECRET_NUMBER)}::integer`);
        return { ok: true };
      });
      root.get('/test/unchecked-date', { config: { access: 'public' } }, async () => {
        await t.ctx.database.db.execute(sql`select ${'0000-12-31T23:50:39.000Z'}::timestamptz`);
        return { ok: true };
      });
      root.get('/test/missing-table', { config: { access: 'public' } }, async () => {
        await t.ctx.database.db.execute(
          sql`select * from no_such_table where email = ${'olivia@example.com'}`,
        );
        return { ok: true };
      });
    },
  });
  w = await buildWorld(t);
  postId = (await createPost(w, w.owner)).id;
});
afterAll(() => t.close());

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function expectField(res: { statusCode: number; json(): unknown; body: string }, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json() as { error: { code: string; message: string; details: { field: string }[] } };
  expect(error.code).toBe('validation_failed');
  expect(error.message).toContain(field);
  expect(error.details.map((d) => d.field)).toContain(field);
}

describe('values validated before any query', () => {
  it.each([
    [
      'a cursor whose id is not a uuid',
      () => `/campaigns?cursor=${cursor(['2026-01-01T00:00:00.000Z', 'nope'])}`,
    ],
    ['a cursor in year 0', () => `/posts?cursor=${cursor(['0000-06-01T00:00:00.000Z', postId])}`],
    [
      'a charter version cursor beyond an integer',
      () => `/charter/versions?cursor=${cursor({ v: 99999999999999 })}`,
    ],
  ])('%s answers 400 querystring.cursor', async (_what, path) => {
    const res = await call(t, w.owner, { method: 'GET', url: `/api/v1/workspaces/${w.ws}${path()}` });
    expectField(res, 'querystring.cursor');
  });

  it('refuses a revision number beyond an integer', async () => {
    const res = await call(t, w.owner, {
      method: 'GET',
      url: postsUrl(w.ws, `/${postId}/revisions/99999999999`),
    });
    expectField(res, 'params.contentRevision');
  });

  it('refuses a version beyond an integer in a body', async () => {
    const res = await call(t, w.owner, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${postId}`),
      payload: { version: 99999999999, text: 'x' },
    });
    expectField(res, 'body.version');
  });

  it.each([
    ['export', '/posts/export?from=0001-01-01&to=0001-02-01', 'querystring.from'],
    ['export', '/posts/export?from=2026-01-01&to=+10000-01-01', 'querystring.to'],
    ['calendar', '/calendar?from=0001-01-01&to=0001-02-01', 'querystring.from'],
  ])('refuses a date out of range on the %s (%s)', async (_what, path, field) => {
    const res = await call(t, w.owner, { method: 'GET', url: `/api/v1/workspaces/${w.ws}${path}` });
    expectField(res, field);
  });

  it('refuses a charter check at an instant out of range', async () => {
    const res = await call(t, w.owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${w.ws}/charter/check`,
      payload: { text: 'hi', targets: [{ channelId: w.channels[0] }], scheduledAt: '0000-01-01T00:00:00Z' },
    });
    expectField(res, 'body.scheduledAt');
  });

  it('refuses a requested time out of range, naming the nested field', async () => {
    const res = await call(t, w.owner, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: {
        text: 'x',
        targets: [{ channelId: w.channels[0] }],
        requestedSchedule: { local: '0000-07-01T09:00', timezone: 'Europe/Paris' },
      },
    });
    expectField(res, 'body.requestedSchedule.local');
  });
});

describe('the database safety net', () => {
  it.each([
    ['22P02 (text that is not a uuid)', '/test/unchecked-uuid'],
    ['22003 (number out of range)', '/test/unchecked-int'],
    ['22008 (date out of range)', '/test/unchecked-date'],
  ])('answers %s with 400, not 500', async (_what, url) => {
    const res = await call(t, null, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      requestId: res.headers['x-request-id'],
    });
  });

  it('logs the failing SQL without its values', async () => {
    const res = await call(t, null, { method: 'GET', url: '/test/missing-table' });
    expect(res.statusCode).toBe(500);
    const line = logs.lines.find(
      (l) => l.includes(String(res.headers['x-request-id'])) && l.includes('"err"'),
    );
    expect(line).toMatch(/no_such_table/);
    expect(line).toContain('$1');
    expect(line).not.toContain('olivia@example.com');
  });

  it('never logs a bound parameter or a quoted value', () => {
    const all = logs.lines.join('\n');
    expect(all).toMatch(/22P02/);
    expect(all).not.toContain(SECRET_UUID_TEXT);
    expect(all).not.toContain(String(SECRET_NUMBER));
    expect(all).not.toContain('0000-12-31T23:50:39');
    expect(all).not.toContain('olivia@example.com');
  });
});
