// Channel credentials are write-only: encrypted at rest, never in a response, an audit event or a
// log line, whatever the request does with them (create, read, list, update, fail validation).
import { channels } from '@cadence/db';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  call,
  captureLogs,
  createTestApp,
  createToken,
  setupOwner,
  type TestApp,
} from './helpers';

const SECRET = 'sk-live-CREDENTIAL-7f3a9b1c';
const NEW_SECRET = 'sk-live-ROTATED-0d4e8f2a';
const logs = captureLogs('trace');
const bodies: string[] = [];
let t: TestApp;
let owner: Caller;
let workspaceId: string;
let channelId: string;

async function record(caller: Caller, opts: Parameters<typeof call>[2]) {
  const res = await call(t, caller, opts);
  bodies.push(res.body, JSON.stringify(res.headers));
  return res;
}

beforeAll(async () => {
  t = await createTestApp({}, logs.logger);
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(() => t.close());

describe('channel credentials', () => {
  it('are accepted on create and update but never come back', async () => {
    const base = `/api/v1/workspaces/${workspaceId}/channels`;
    const created = await record(owner, {
      method: 'POST',
      url: base,
      payload: {
        // An API client that already holds an OAuth token may hand it over directly.
        network: 'x',
        displayName: 'Brand',
        handle: '@brand',
        credentials: { accessToken: SECRET, refreshToken: `${SECRET}-refresh` },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().hasCredentials).toBe(true);
    expect(Object.keys(created.json())).not.toContain('credentials');
    channelId = created.json().id;

    expect((await record(owner, { method: 'GET', url: `${base}/${channelId}` })).statusCode).toBe(200);
    expect((await record(owner, { method: 'GET', url: base })).statusCode).toBe(200);
    const viewer = await createToken(t, owner, workspaceId, 'viewer');
    expect((await record(viewer, { method: 'GET', url: base })).statusCode).toBe(200);
    const renamed = await record(owner, {
      method: 'PATCH',
      url: `${base}/${channelId}`,
      payload: { displayName: 'Brand 2' },
    });
    expect(renamed.statusCode).toBe(200);
    const reconnected = await record(owner, {
      method: 'PATCH',
      url: `${base}/${channelId}`,
      payload: { credentials: { accessToken: NEW_SECRET } },
    });
    expect(reconnected.statusCode).toBe(200);
    // Failing requests carry the secret too; their errors must not echo it.
    const invalid = await record(owner, {
      method: 'POST',
      url: base,
      payload: {
        network: 'bluesky',
        displayName: '',
        handle: 'h',
        credentials: { appPassword: SECRET.repeat(400), refreshToken: 42 },
      },
    });
    expect(invalid.statusCode).toBe(400);
    const unknownField = await record(owner, {
      method: 'PATCH',
      url: `${base}/${channelId}`,
      payload: { credentials: { appPassword: SECRET }, secret: SECRET },
    });
    expect(unknownField.statusCode).toBe(400);

    const audit = await record(owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/audit-events`,
    });
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['channel.created', 'channel.updated', 'channel.credentials_replaced']),
    );
    await record(owner, { method: 'GET', url: '/api/docs/json' });

    for (const body of bodies) {
      expect(body).not.toContain('sk-live');
    }
  });

  it('never reach a log line, even at trace level', () => {
    expect(logs.lines.some((l) => l.includes('"level":10') || l.includes('incoming request'))).toBe(true);
    expect(logs.lines.some((l) => l.includes(channelId))).toBe(true);
    for (const line of logs.lines) expect(line).not.toContain('sk-live');
  });

  it('are encrypted at rest with AES-256-GCM under the current key', async () => {
    const [row] = await t.ctx.database.db
      .select({ sealed: channels.credentialsSealed })
      .from(channels)
      .where(eq(channels.id, channelId));
    expect(row?.sealed).toBeTruthy();
    expect(row?.sealed).not.toContain('sk-live');
    expect(row?.sealed?.startsWith('v2:test:')).toBe(true);
    expect(openJson(t.ctx.keyRing, row!.sealed!, sealedIn.channelCredentials(channelId))).toEqual({
      accessToken: NEW_SECRET,
    });
    const raw = await t.ctx.database.db.execute('SELECT * FROM channels');
    expect(JSON.stringify(raw)).not.toContain('sk-live');
    const audit = await t.ctx.database.db.execute('SELECT * FROM audit_events');
    expect(JSON.stringify(audit)).not.toContain('sk-live');
  });
});
