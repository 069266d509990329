// Addresses typed into a channel are judged when they are saved (issue 10, findings 13 and 19):
// a webhook, Mastodon instance or Bluesky PDS on a private or metadata address, and a Mastodon or
// Bluesky address over plain http, are refused with a 422 naming the field, on create and on
// PATCH, unless the configuration allows private URLs (tests, local development).
import { channels } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

const strictEnv = { ALLOW_PRIVATE_NETWORK_URLS: 'false' };
const PRIVATE_URLS = [
  'http://169.254.169.254/latest/meta-data',
  'http://10.0.0.1/hook',
  'http://[::1]/hook',
  'http://localhost:8080/hook',
  'http://2130706433/hook',
  'http://[::127.0.0.1]/hook',
  'https://api.localhost/hook',
];
const SECRET = 'a-webhook-secret-of-enough-length';

let strict: TestApp;
let relaxed: TestApp;
let owner: Caller;
let workspaceId: string;
let relaxedOwner: Caller;
let relaxedWorkspace: string;

beforeAll(async () => {
  strict = await createTestApp(strictEnv);
  ({ owner, workspaceId } = await setupOwner(strict));
  relaxed = await createTestApp();
  ({ owner: relaxedOwner, workspaceId: relaxedWorkspace } = await setupOwner(relaxed));
});
afterAll(async () => {
  await strict.close();
  await relaxed.close();
});

const createWebhook = (t: TestApp, caller: Caller, ws: string, url: string) =>
  call(t, caller, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/channels`,
    payload: {
      network: 'webhook',
      displayName: 'Hook',
      handle: 'hook',
      credentials: { url, secret: SECRET },
    },
  });

function expectRefused(
  res: { statusCode: number; json(): unknown; body: string },
  field: string,
  reason = 'private_address',
) {
  expect(res.statusCode, res.body).toBe(422);
  const body = res.json() as { error: { code: string; details: { field: string; message: string }[] } };
  expect(body.error.code).toBe('unprocessable');
  expect(body.error.details).toEqual([{ field, message: expect.any(String), reason }]);
}

describe('webhook channel addresses (finding 19)', () => {
  it.each(PRIVATE_URLS)('refuses %s at creation and stores nothing', async (url) => {
    const before = await strict.ctx.database.db.select().from(channels);
    expectRefused(await createWebhook(strict, owner, workspaceId, url), 'body.credentials.url');
    expect(await strict.ctx.database.db.select().from(channels)).toHaveLength(before.length);
  });

  it('refuses a private address on PATCH and keeps the old credentials', async () => {
    const created = await createWebhook(strict, owner, workspaceId, 'https://93.184.216.34/hook');
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const [before] = await strict.ctx.database.db.select().from(channels).where(eq(channels.id, id));
    for (const url of PRIVATE_URLS) {
      const res = await call(strict, owner, {
        method: 'PATCH',
        url: `/api/v1/workspaces/${workspaceId}/channels/${id}`,
        payload: { credentials: { url, secret: SECRET } },
      });
      expectRefused(res, 'body.credentials.url');
    }
    const [after] = await strict.ctx.database.db.select().from(channels).where(eq(channels.id, id));
    expect(after?.credentialsSealed).toBe(before?.credentialsSealed);
  });

  it('accepts private addresses when the configuration allows them (tests, local development)', async () => {
    for (const url of PRIVATE_URLS) {
      const res = await createWebhook(relaxed, relaxedOwner, relaxedWorkspace, url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    }
  });

  it('refuses what is not an http(s) URL', async () => {
    expectRefused(
      await createWebhook(strict, owner, workspaceId, 'file:///etc/passwd'),
      'body.credentials.url',
      'not_http',
    );
  });
});

describe('Mastodon and Bluesky addresses must use https (finding 13)', () => {
  const createMastodon = (t: TestApp, caller: Caller, ws: string, instanceUrl: string) =>
    call(t, caller, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/channels`,
      payload: {
        network: 'mastodon',
        displayName: 'Toots',
        handle: '@brand',
        credentials: { instanceUrl, accessToken: 'token' },
      },
    });

  it('refuses an http Mastodon instance or Bluesky PDS in the credentials', async () => {
    expectRefused(
      await createMastodon(strict, owner, workspaceId, 'http://93.184.216.34'),
      'body.credentials.instanceUrl',
      'needs_https',
    );
    const bluesky = await call(strict, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/channels`,
      payload: {
        network: 'bluesky',
        displayName: 'Sky',
        handle: '@brand.example.com',
        credentials: { service: 'http://93.184.216.34', identifier: 'brand', appPassword: 'x' },
      },
    });
    expectRefused(bluesky, 'body.credentials.service', 'needs_https');
    expect((await createMastodon(strict, owner, workspaceId, 'https://93.184.216.34')).statusCode).toBe(201);
  });

  it('refuses them in the connect forms, naming the field', async () => {
    const oauth = await call(strict, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/connect/oauth`,
      payload: { network: 'mastodon', instanceUrl: 'http://93.184.216.34' },
    });
    expectRefused(oauth, 'body.instanceUrl', 'needs_https');
    const metadata = await call(strict, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/connect/oauth`,
      payload: { network: 'mastodon', instanceUrl: 'https://169.254.169.254' },
    });
    expectRefused(metadata, 'body.instanceUrl');
    const bluesky = await call(strict, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/connect/bluesky`,
      payload: { identifier: 'brand.example.com', appPassword: 'x', service: 'http://93.184.216.34' },
    });
    expectRefused(bluesky, 'body.service', 'needs_https');
  });

  it('allows http when the network is sent to a local stand-in (NETWORK_BASE_URLS)', async () => {
    const dev = await createTestApp({ ...strictEnv, NETWORK_BASE_URLS: 'mastodon=http://127.0.0.1:9' });
    try {
      const { owner: devOwner, workspaceId: devWs } = await setupOwner(dev);
      expect((await createMastodon(dev, devOwner, devWs, 'http://93.184.216.34')).statusCode).toBe(201);
    } finally {
      await dev.close();
    }
  });
});
