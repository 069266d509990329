// Connecting Bluesky by handle + app password through the API, against a local PDS stand-in
// (com.atproto.server.createSession), and the channel routes' workspace isolation.
import { channels } from '@cadence/db';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeNetwork } from '@cadence/networks/testing';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';
import { BLUESKY_APP_PASSWORD, startBlueskyPds } from './support/bluesky-pds';

let t: TestApp;
let owner: Caller;
let workspaceId: string;
let pds: FakeNetwork;

beforeAll(async () => {
  pds = await startBlueskyPds();
  t = await createTestApp();
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(async () => {
  await t.close();
  await pds.close();
});

const connect = (payload: object, ws = workspaceId, caller = owner) =>
  call(t, caller, { method: 'POST', url: `/api/v1/workspaces/${ws}/connect/bluesky`, payload });

describe('connecting Bluesky', () => {
  it('checks the app password by signing in, then stores it sealed and signs in by DID from then on', async () => {
    const res = await connect({
      identifier: '@ada.example.com',
      appPassword: BLUESKY_APP_PASSWORD,
      service: pds.url,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      network: 'bluesky',
      handle: '@ada.example.com',
      status: 'connected',
      hasCredentials: true,
    });
    expect(res.body).not.toContain('abcd-efgh');
    const [row] = await t.ctx.database.db.select().from(channels).where(eq(channels.id, res.json().id));
    expect(
      openJson(t.ctx.keyRing, row?.credentialsSealed ?? '', sealedIn.channelCredentials(res.json().id)),
    ).toEqual({
      service: pds.url,
      identifier: 'did:plc:ada123',
      appPassword: BLUESKY_APP_PASSWORD,
    });
  });

  it('refuses a wrong app password with Bluesky’s reason, and stores nothing', async () => {
    const before = await t.ctx.database.db.select().from(channels);
    const res = await connect({ identifier: 'ada.example.com', appPassword: 'wrong', service: pds.url });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('Invalid identifier or password');
    expect(await t.ctx.database.db.select().from(channels)).toHaveLength(before.length);
  });

  it('rejects unknown fields and keeps other workspaces’ channels out of reach', async () => {
    expect(
      (await connect({ identifier: 'ada.example.com', appPassword: 'x', role: 'owner' })).statusCode,
    ).toBe(400);
    const other = await setupOwnerElsewhere();
    const res = await connect({
      identifier: 'ada.example.com',
      appPassword: BLUESKY_APP_PASSWORD,
      service: pds.url,
    });
    const id = res.json().id as string;
    for (const action of ['disconnect', 'refresh-token']) {
      const foreign = await call(t, other.owner, {
        method: 'POST',
        url: `/api/v1/workspaces/${other.workspaceId}/channels/${id}/${action}`,
      });
      expect(foreign.statusCode).toBe(404);
    }
    const reconnectForeign = await connect(
      { identifier: 'ada.example.com', appPassword: BLUESKY_APP_PASSWORD, service: pds.url, channelId: id },
      other.workspaceId,
      other.owner,
    );
    expect(reconnectForeign.statusCode).toBe(404);
  });
});

async function setupOwnerElsewhere() {
  const res = await call(t, owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Other', timezone: 'UTC', locale: 'en' },
  });
  expect(res.statusCode, res.body).toBe(201);
  // The same person owns both; a workspace id mismatch is what must not leak a channel.
  return { owner, workspaceId: res.json().id as string };
}
