// Issue 12, item 4: "Connected" must mean the channel can publish. POST /channels checks a Bluesky
// app password by signing in (against a local PDS stand-in), makes a webhook's secret itself and
// shows it once, and refuses X/LinkedIn/Meta accounts typed in without a token.
import { channels, idempotencyKeys } from '@cadence/db';
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

const base = () => `/api/v1/workspaces/${workspaceId}/channels`;
const create = (payload: object) => call(t, owner, { method: 'POST', url: base(), payload });
const storedCount = async () => (await t.ctx.database.db.select().from(channels)).length;
const sealedCredentials = async (id: string) => {
  const [row] = await t.ctx.database.db.select().from(channels).where(eq(channels.id, id));
  return openJson(t.ctx.keyRing, row?.credentialsSealed ?? '', sealedIn.channelCredentials(id));
};

describe('adding a Bluesky channel directly', () => {
  it('refuses a wrong app password with reason invalid_credentials and stores nothing', async () => {
    const before = await storedCount();
    const res = await create({
      network: 'bluesky',
      displayName: 'Ada',
      handle: '@ada.example.com',
      credentials: { identifier: 'ada.example.com', appPassword: 'wrong', service: pds.url },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'invalid_credentials' });
    expect(await storedCount()).toBe(before);
  });

  it('refuses Bluesky credentials without a handle, before calling anyone', async () => {
    const calls = pds.requests.length;
    const res = await create({
      network: 'bluesky',
      displayName: 'Ada',
      handle: '@ada',
      credentials: { appPassword: BLUESKY_APP_PASSWORD },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'credentials_required' });
    expect(pds.requests.length).toBe(calls);
  });

  it('stores a working app password, signed in by DID, with the handle Bluesky confirmed', async () => {
    const res = await create({
      network: 'bluesky',
      displayName: 'Ada',
      handle: 'typed-anything',
      credentials: { identifier: '@ada.example.com', appPassword: BLUESKY_APP_PASSWORD, service: pds.url },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ handle: '@ada.example.com', status: 'connected' });
    expect(await sealedCredentials(res.json().id)).toEqual({
      service: pds.url,
      identifier: 'did:plc:ada123',
      appPassword: BLUESKY_APP_PASSWORD,
    });
  });

  it('gives the same reason code on the Bluesky connect route', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/connect/bluesky`,
      payload: { identifier: 'ada.example.com', appPassword: 'wrong', service: pds.url },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'invalid_credentials' });
  });
});

describe('adding a webhook channel', () => {
  it.each([
    ['no secret', { url: 'https://hooks.example.org/in' }],
    ['an empty secret', { url: 'https://hooks.example.org/in', secret: '  ' }],
  ])('makes the secret itself when given %s, shows it once and never again', async (_, credentials) => {
    const res = await create({ network: 'webhook', displayName: 'Hook', handle: 'hook', credentials });
    expect(res.statusCode, res.body).toBe(201);
    const { id, webhookSecret } = res.json();
    expect(webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sealedCredentials(id)).toEqual({
      url: 'https://hooks.example.org/in',
      secret: webhookSecret,
    });
    const one = await call(t, owner, { method: 'GET', url: `${base()}/${id}` });
    const list = await call(t, owner, { method: 'GET', url: base() });
    expect(one.body).not.toContain(webhookSecret);
    expect(list.body).not.toContain(webhookSecret);
    expect(one.json()).not.toHaveProperty('webhookSecret');
  });

  it('never writes the secret to the idempotency store; a replay answers without it', async () => {
    const payload = {
      network: 'webhook',
      displayName: 'Keyed',
      handle: 'keyed',
      credentials: { url: 'https://hooks.example.org/keyed' },
    };
    const send = () =>
      call(t, owner, {
        method: 'POST',
        url: base(),
        payload,
        headers: { 'idempotency-key': 'webhook-secret-once' },
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const secret = first.json().webhookSecret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.ctx.database.db
      .select({ body: idempotencyKeys.responseBody })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, 'webhook-secret-once'));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.body).not.toContain(secret);
    const replay = await send();
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
    expect(replay.body).not.toContain(secret);
  });

  it('makes a different secret for each channel', async () => {
    const payload = {
      network: 'webhook',
      displayName: 'H',
      handle: 'h',
      credentials: { url: 'https://a.example.org' },
    };
    const a = (await create(payload)).json().webhookSecret;
    const b = (await create(payload)).json().webhookSecret;
    expect(a).not.toBe(b);
  });

  it('refuses a webhook without a URL, or with a secret too short to sign with', async () => {
    const before = await storedCount();
    const noUrl = await create({ network: 'webhook', displayName: 'H', handle: 'h' });
    expect(noUrl.statusCode).toBe(422);
    expect(noUrl.json().error.details).toMatchObject({ reason: 'webhook_url_required' });
    const weak = await create({
      network: 'webhook',
      displayName: 'H',
      handle: 'h',
      credentials: { url: 'https://a.example.org', secret: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details).toMatchObject({
      reason: 'weak_secret',
      field: 'body.credentials.secret',
    });
    expect(await storedCount()).toBe(before);
  });
});

describe('adding an OAuth network directly', () => {
  it.each([
    ['x', { apiKey: 'typed', apiSecret: 'typed' }],
    ['x', undefined],
    ['linkedin', { accessToken: ' ' }],
    ['facebook', undefined],
    ['instagram', { name: 'value' }],
    ['threads', undefined],
  ])('refuses a %s account without a token: reason oauth_required', async (network, credentials) => {
    const before = await storedCount();
    const res = await create({
      network,
      displayName: 'A',
      handle: '@a',
      ...(credentials ? { credentials } : {}),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toMatchObject({
      reason: 'oauth_required',
      field: 'body.credentials.accessToken',
    });
    expect(await storedCount()).toBe(before);
  });

  it('still takes a token an API client already holds', async () => {
    const res = await create({
      network: 'x',
      displayName: 'A',
      handle: '@a',
      credentials: { accessToken: 'tok' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
