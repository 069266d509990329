// Connecting accounts end to end through the API, against local stand-ins of the networks:
// Mastodon (app registration on the instance, PKCE, revocation) and X (configured client, PKCE,
// refresh, a failed refresh marking the channel needs_reconnect), plus the refusals: a reused or
// foreign state, a code swapped in from another authorisation (PKCE), an unconfigured network.
import { auditEvents, channels } from '@cadence/db';
import { refreshDueTokens } from '@cadence/domain/channels/connect/refresh-tokens';
import { openJson, sealJson, sealedIn } from '@cadence/domain/security/secret-box';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDeps } from '../src/routes/connect/connect-deps';
import {
  bearer,
  type FakeNetwork,
  oauthServer,
  type OAuthServerState,
  startFakeNetwork,
} from '@cadence/networks/testing';
import { type Caller, addMember, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId: string;
let mastodon: FakeNetwork;
let mastodonOAuth: OAuthServerState;
let x: FakeNetwork;
let xOAuth: OAuthServerState;
const registeredApps: Record<string, string>[] = [];

beforeAll(async () => {
  mastodon = await startFakeNetwork((app) => {
    app.post('/api/v1/apps', async (request) => {
      registeredApps.push(request.body as Record<string, string>);
      return {
        id: '1',
        name: 'Cadence',
        client_id: 'masto-client',
        client_secret: 'masto-secret',
        redirect_uri: (request.body as Record<string, string>).redirect_uris,
      };
    });
    mastodonOAuth = oauthServer(app, {
      authorizePath: '/oauth/authorize',
      tokenPath: '/oauth/token',
      revokePath: '/oauth/revoke',
      clientId: 'masto-client',
      clientSecret: 'masto-secret',
      clientAuth: 'body',
      pkce: true,
    });
    app.get('/api/v1/accounts/verify_credentials', async (request, reply) =>
      mastodonOAuth.accessTokens.has(bearer(request) ?? '')
        ? { id: '7', username: 'ada', acct: 'ada', display_name: 'Ada' }
        : reply.code(401).send({ error: 'The access token is invalid' }),
    );
  });
  x = await startFakeNetwork((app) => {
    xOAuth = oauthServer(app, {
      authorizePath: '/i/oauth2/authorize',
      tokenPath: '/2/oauth2/token',
      revokePath: '/2/oauth2/revoke',
      clientId: 'x-client',
      clientSecret: 'x-secret',
      clientAuth: 'basic',
      pkce: true,
      expiresIn: 60,
    });
    app.get('/2/users/me', async () => ({
      data: { id: '2244994945', name: 'Cadence', username: 'cadence' },
    }));
  });
  t = await createTestApp({
    X_CLIENT_ID: 'x-client',
    X_CLIENT_SECRET: 'x-secret',
    NETWORK_BASE_URLS: `x=${x.url}`,
  });
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(async () => {
  await t.close();
  await mastodon.close();
  await x.close();
});

async function start(payload: object, caller = owner) {
  const res = await call(t, caller, {
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/connect/oauth`,
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json().authorizationUrl as string);
}

/** The person clicks "Allow": the network redirects back to Cadence's callback with code and state. */
async function approve(authorizationUrl: URL) {
  const res = await fetch(authorizationUrl, { redirect: 'manual' });
  const back = new URL(res.headers.get('location') ?? '');
  expect(back.pathname).toBe('/api/v1/connect/callback');
  return { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' };
}

const callback = (q: { code: string; state: string }, caller = owner, json = true) =>
  call(t, caller, {
    method: 'GET',
    url: `/api/v1/connect/callback?code=${encodeURIComponent(q.code)}&state=${encodeURIComponent(q.state)}`,
    headers: json ? { accept: 'application/json' } : {},
  });

describe('connecting through OAuth', () => {
  it('connects a Mastodon account: registers the app on the instance, PKCE, sealed credentials, audit, then revokes on disconnect', async () => {
    const url = await start({ network: 'mastodon', instanceUrl: mastodon.url });
    expect(registeredApps).toHaveLength(1);
    expect(registeredApps[0]).toMatchObject({
      client_name: 'Cadence',
      redirect_uris: 'http://localhost:80/api/v1/connect/callback',
    });
    expect(url.searchParams.get('client_id')).toBe('masto-client');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe(
      'read:accounts read:notifications read:statuses write:statuses write:media',
    );

    const res = await callback(await approve(url), owner, false);
    expect(res.statusCode).toBe(303);
    const landing = new URL(res.headers.location as string, 'http://x');
    // The web app's own channels screen, told which workspace and channel (it has no other route).
    expect(landing.pathname).toBe('/channels');
    expect(landing.searchParams.get('workspace')).toBe(workspaceId);
    const channelId = landing.searchParams.get('connected') ?? '';
    const [row] = await t.ctx.database.db.select().from(channels).where(eq(channels.id, channelId));
    expect(row).toMatchObject({
      network: 'mastodon',
      handle: `@ada@${new URL(mastodon.url).host}`,
      status: 'connected',
    });
    expect(row?.credentialsSealed).not.toContain('masto-secret');
    const creds = openJson<Record<string, string>>(
      t.ctx.keyRing,
      row?.credentialsSealed ?? '',
      sealedIn.channelCredentials(row?.id ?? ''),
    );
    expect(mastodonOAuth.accessTokens.has(creds.accessToken ?? '')).toBe(true);
    const audit = await t.ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, channelId));
    expect(audit.map((a) => a.action)).toEqual(['channel.connected']);
    expect(JSON.stringify(audit)).not.toContain(creds.accessToken);

    // A second connection to the same instance reuses the registered app.
    await start({ network: 'mastodon', instanceUrl: mastodon.url });
    expect(registeredApps).toHaveLength(1);

    const off = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/channels/${channelId}/disconnect`,
    });
    expect(off.json()).toMatchObject({
      revocation: 'revoked',
      channel: { status: 'disconnected', hasCredentials: false },
    });
    expect(mastodonOAuth.revoked).toContain(creds.accessToken);
  });

  it('says the revocation failed, without asking the instance, when the app keys were not kept', async () => {
    // Channels connected before the app keys were kept hold only the instance and the token.
    const res = await callback(
      await approve(await start({ network: 'mastodon', instanceUrl: mastodon.url })),
    );
    const channelId = res.json().channel.id as string;
    const [row] = await t.ctx.database.db.select().from(channels).where(eq(channels.id, channelId));
    const binding = sealedIn.channelCredentials(channelId);
    const creds = openJson<Record<string, string>>(t.ctx.keyRing, row?.credentialsSealed ?? '', binding);
    const withoutKeys = { instanceUrl: creds.instanceUrl, accessToken: creds.accessToken };
    await t.ctx.database.db
      .update(channels)
      .set({ credentialsSealed: sealJson(t.ctx.keyRing, withoutKeys, binding) })
      .where(eq(channels.id, channelId));
    const revokeCalls = () => mastodon.requests.filter((r) => r.path === '/oauth/revoke').length;
    const revokeCallsBefore = revokeCalls();

    const off = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/channels/${channelId}/disconnect`,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({
      revocation: 'failed',
      channel: { status: 'disconnected', hasCredentials: false },
    });
    // Nothing sent with empty keys: the instance could only refuse it.
    expect(revokeCalls()).toBe(revokeCallsBefore);
  });

  it('refuses a state used twice or started by someone else (without burning it for its owner), and a network error sent back', async () => {
    const approved = await approve(await start({ network: 'x' }));
    const manager = await addMember(t, owner, workspaceId, 'manager');
    expect((await callback(approved, manager)).statusCode).toBe(403);
    // Someone else's attempt does not burn the state: its owner still finishes (finding 12)...
    expect((await callback(approved)).statusCode).toBe(200);
    // ...once: a state works one time only.
    expect((await callback(approved)).statusCode).toBe(400);
    expect((await callback({ code: 'whatever', state: 'never-issued-state-value' })).statusCode).toBe(400);
    const declined = await approve(await start({ network: 'x' }));
    const res = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/connect/callback?state=${declined.state}&error=access_denied&error_description=The+user+denied`,
      headers: { accept: 'application/json' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('The user denied');
  });

  it('sends a browser back to the channels screen with the reason when it did not finish', async () => {
    const landing = (res: { statusCode: number; headers: Record<string, unknown> }) => {
      expect(res.statusCode).toBe(303);
      return new URL(String(res.headers.location), 'http://x');
    };
    const declined = await approve(await start({ network: 'x' }));
    const denied = landing(
      await call(t, owner, {
        method: 'GET',
        url: `/api/v1/connect/callback?state=${declined.state}&error=access_denied&error_description=No`,
      }),
    );
    expect(denied.pathname).toBe('/channels');
    expect(Object.fromEntries(denied.searchParams)).toEqual({
      connectError: 'denied',
      workspace: workspaceId,
    });
    const approved = await approve(await start({ network: 'x' }));
    const manager = await addMember(t, owner, workspaceId, 'manager');
    expect(landing(await callback(approved, manager, false)).searchParams.get('connectError')).toBe(
      'forbidden',
    );
    expect(landing(await callback(approved, owner, false)).searchParams.get('connected')).toBeTruthy();
    expect(landing(await callback(approved, owner, false)).searchParams.get('connectError')).toBe('expired');
    const a = await approve(await start({ network: 'x' }));
    const b = await approve(await start({ network: 'x' }));
    const wrongCode = landing(await callback({ code: b.code, state: a.state }, owner, false));
    expect(wrongCode.searchParams.get('connectError')).toBe('invalid_credentials');
  });

  it('refuses a code from another authorisation: the PKCE verifier does not match', async () => {
    const a = await approve(await start({ network: 'x' }));
    const b = await approve(await start({ network: 'x' }));
    const res = await callback({ code: b.code, state: a.state });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('PKCE');
  });

  it('refreshes X tokens before they expire, and marks the channel needs_reconnect when the refresh is refused', async () => {
    const res = await callback(await approve(await start({ network: 'x' })));
    expect(res.statusCode, res.body).toBe(200);
    const channelId = res.json().channel.id as string;
    const deps = connectDeps(t.ctx);
    const before = openJson<Record<string, string>>(
      t.ctx.keyRing,
      (await t.ctx.database.db.select().from(channels).where(eq(channels.id, channelId)))[0]
        ?.credentialsSealed ?? '',
      sealedIn.channelCredentials(channelId),
    );
    // The token lives 60 s: inside the 15-minute window, so it is renewed now.
    expect((await refreshDueTokens(deps)).refreshed).toBeGreaterThanOrEqual(1);
    const after = openJson<Record<string, string>>(
      t.ctx.keyRing,
      (await t.ctx.database.db.select().from(channels).where(eq(channels.id, channelId)))[0]
        ?.credentialsSealed ?? '',
      sealedIn.channelCredentials(channelId),
    );
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);

    xOAuth.refreshTokens.clear(); // the person revoked Cadence at X
    const outcomes = await refreshDueTokens(deps);
    expect(outcomes.needs_reconnect).toBeGreaterThanOrEqual(1);
    const channel = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/channels/${channelId}`,
    });
    expect(channel.json()).toMatchObject({
      status: 'needs_reconnect',
      statusReason: expect.stringContaining('invalid_grant'),
    });
    const audit = await t.ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, channelId));
    expect(audit.map((a) => a.action)).toContain('channel.needs_reconnect');

    // Reconnecting the same channel brings it back.
    const again = await callback(await approve(await start({ network: 'x', channelId })));
    expect(again.json().channel).toMatchObject({ id: channelId, status: 'connected', statusReason: null });
  });

  it('says when a network is not set up on this server, and refuses people below manager', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/connect/oauth`,
      payload: { network: 'linkedin' },
    });
    expect(res.statusCode).toBe(422);
    const editor = await addMember(t, owner, workspaceId, 'editor');
    const refused = await call(t, editor, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/connect/oauth`,
      payload: { network: 'x' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
