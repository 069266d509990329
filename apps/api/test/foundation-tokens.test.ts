// API tokens: created with a role, shown once, stored hashed, listed by prefix and last use,
// revocable; a revoked token is refused at once.
import { apiTokens } from '@cadence/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, captureLogs, createTestApp, setupOwner, type TestApp } from './helpers';

const logs = captureLogs();
let t: TestApp;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp({}, logs.logger);
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(() => t.close());

const bearer = (token: string): Caller => ({ headers: { authorization: `Bearer ${token}` } });

describe('API token lifecycle', () => {
  it('creates, uses, lists and revokes a token; the secret is shown only once', async () => {
    const responses: string[] = [];
    const created = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/api-tokens`,
      payload: { name: 'Zapier', role: 'editor' },
    });
    expect(created.statusCode).toBe(201);
    const { token, prefix, id } = created.json();
    expect(token).toMatch(/^cad_[\w-]{8}_[\w-]{43}$/);
    expect(token.startsWith(`${prefix}_`)).toBe(true);
    expect(created.json().lastUsedAt).toBeNull();

    // Stored as a hash only.
    const [row] = await t.ctx.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(JSON.stringify(row)).not.toContain(token.slice(13));

    const used = await call(t, bearer(token), {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/channels`,
    });
    expect(used.statusCode).toBe(200);
    responses.push(used.body);

    const list = await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/api-tokens` });
    responses.push(list.body);
    const listed = list.json().items.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({ name: 'Zapier', role: 'editor', prefix, revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(Object.keys(listed)).not.toContain('token');
    expect(Object.keys(listed)).not.toContain('tokenHash');

    const revoked = await call(t, owner, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspaceId}/api-tokens/${id}`,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    responses.push(revoked.body);

    const refused = await call(t, bearer(token), {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/channels`,
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('unauthenticated');

    // Revoking again is harmless and keeps the first revocation time.
    const again = await call(t, owner, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${workspaceId}/api-tokens/${id}`,
    });
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);

    const audit = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/audit-events`,
    });
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['api_token.created', 'api_token.revoked']));
    responses.push(audit.body);

    for (const body of responses) expect(body).not.toContain(token);
    for (const line of logs.lines) expect(line).not.toContain(token);
    expect(logs.lines.length).toBeGreaterThan(5);
  });

  it('refuses malformed, unknown and foreign bearer tokens', async () => {
    const url = `/api/v1/workspaces/${workspaceId}/channels`;
    for (const authorization of ['Bearer', 'Basic dXNlcjpwYXNz', 'Bearer cad_nope_nope', 'Bearer a b']) {
      const res = await call(t, null, { method: 'GET', url, headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
    }
  });

  it('lets a token act only with its own role and never manage tokens or members', async () => {
    const created = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/api-tokens`,
      payload: { name: 'Manager bot', role: 'manager' },
    });
    const bot = bearer(created.json().token);
    const mint = await call(t, bot, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/api-tokens`,
      payload: { name: 'child', role: 'manager' },
    });
    expect(mint.statusCode).toBe(403);
    const channel = await call(t, bot, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/channels`,
      payload: { network: 'sandbox', displayName: 'Sandbox', handle: '@bot' },
    });
    expect(channel.statusCode).toBe(201);
    // The audit trail names the token, not a person.
    const audit = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/audit-events`,
    });
    const event = audit.json().items.find((e: { action: string }) => e.action === 'channel.created');
    expect(event).toMatchObject({ actorTokenId: created.json().id, actorUserId: null });
    expect(event.requestId).toBe(channel.headers['x-request-id']);
  });

  it('pages the token list with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await call(t, owner, {
        method: 'POST',
        url: `/api/v1/workspaces/${workspaceId}/api-tokens`,
        payload: { name: `t${i}`, role: 'viewer' },
      });
    }
    const all = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/api-tokens?limit=200`,
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await call(t, owner, {
        method: 'GET',
        url: `/api/v1/workspaces/${workspaceId}/api-tokens?limit=2${query}`,
      });
      expect(page.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json().items.map((i: { id: string }) => i.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.json().items.map((i: { id: string }) => i.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(7);
  });

  it('pages rows created within the same millisecond without skipping any', async () => {
    // PostgreSQL keeps microseconds; JavaScript dates (and so cursors) keep milliseconds.
    await t.ctx.database.db.execute(
      sql`UPDATE api_tokens SET created_at = timestamptz '2030-01-01T00:00:00.000100Z' + (random() * 800) * interval '1 microsecond'`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await call(t, owner, {
        method: 'GET',
        url: `/api/v1/workspaces/${workspaceId}/api-tokens?limit=1${query}`,
      });
      seen.push(...page.json().items.map((i: { id: string }) => i.id));
      cursor = page.json().nextCursor;
    } while (cursor && seen.length < 100);
    const all = await t.ctx.database.db.select({ id: apiTokens.id }).from(apiTokens);
    expect([...seen].sort()).toEqual(all.map((r) => r.id).sort());
  });
});
