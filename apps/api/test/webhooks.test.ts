// Issue 15: outgoing webhooks against a real HTTP receiver started here, delivered by the shared
// job runner: signed payloads (HMAC-SHA256 over "<timestamp>.<body>"), the delivery log, retries
// with backoff, redeliver with the same event id, the test event, and a subscription turned off
// after repeated failures with its owners told.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notifications } from '@cadence/db';
import { WEBHOOK_DISABLE_AFTER_FAILURES } from '@cadence/domain/webhooks/schemas';
import { createJobRunner, type JobRunner } from '@cadence/jobs';
import { verifyWebhookSignature } from '@cadence/networks';
import { registerNotifications } from '@cadence/publisher/jobs/notifications';
import { registerWebhooks } from '@cadence/publisher/jobs/webhooks';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { act, buildWorld, createPost, type PostsWorld } from './posts-fixtures';
import { until } from './support/test-smtp';

interface Hit {
  headers: IncomingMessage['headers'];
  body: string;
}
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const hits: Hit[] = [];
/** What the receiver answers next; tests flip it to simulate an endpoint that fails. */
let answer = 200;
let receiver: Server;
let receiverUrl: string;
let t: TestApp;
let w: PostsWorld;
let runner: JobRunner;

const hooksUrl = (rest = '') => `/api/v1/workspaces/${w.ws}/webhooks${rest}`;
const payloadOf = (hit: Hit) =>
  JSON.parse(hit.body) as { id: string; event: string; data: { postId: string } };

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  t = await createTestApp();
  w = await buildWorld(t);
  const db = t.ctx.database.db;
  runner = createJobRunner({ db, workerId: 'webhooks-test', logger: silent, options: { pollEveryMs: 50 } });
  registerNotifications(runner, {
    db,
    config: t.ctx.config,
    clock: () => new Date(),
    logger: silent,
    mailer: null,
  });
  registerWebhooks(runner, {
    db,
    keyRing: t.ctx.keyRing,
    clock: () => new Date(),
    logger: silent,
    allowPrivateNetworkUrls: true,
    backoff: { baseMs: 50, maxMs: 100 },
  });
  runner.start();
});
afterAll(async () => {
  await runner.stop(2_000);
  await new Promise((r) => receiver.close(r));
  await t.close();
});

describe('outgoing webhooks', () => {
  let hookId: string;
  let secret: string;

  it('lets only owners subscribe, shows the secret once, and refuses bad kinds naming the field', async () => {
    const body = { url: receiverUrl, kinds: ['post_submitted', 'changes_requested'] };
    expect((await call(t, w.manager, { method: 'POST', url: hooksUrl(), payload: body })).statusCode).toBe(
      403,
    );
    const bad = await call(t, w.owner, {
      method: 'POST',
      url: hooksUrl(),
      payload: { ...body, kinds: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.kinds.0');
    const created = await call(t, w.owner, { method: 'POST', url: hooksUrl(), payload: body });
    expect(created.statusCode).toBe(201);
    ({ id: hookId, secret } = created.json());
    expect(secret).toMatch(/^whsec_/);
    const listed = (await call(t, w.owner, { method: 'GET', url: hooksUrl() })).json().items;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('delivers a subscribed event signed with a timestamp, and logs it', async () => {
    const post = await createPost(w, w.editor, { text: 'Hook me' });
    expect((await act(w, w.editor, post.id, 'submit', { version: 1 })).statusCode).toBe(200);
    await until(() => hits.some((h) => h.body.includes(post.id)));
    const hit = hits.find((h) => h.body.includes(post.id)) as Hit;
    expect(payloadOf(hit)).toMatchObject({
      event: 'post_submitted',
      workspaceId: w.ws,
      data: { postId: post.id },
    });
    expect(hit.headers['x-cadence-event']).toBe('post_submitted');
    const signed = {
      secret,
      timestamp: String(hit.headers['x-cadence-timestamp']),
      signature: String(hit.headers['x-cadence-signature']),
      body: hit.body,
    };
    expect(verifyWebhookSignature({ ...signed, now: new Date() })).toBe(true);
    // A replay ten minutes later, or a body changed in transit, does not verify.
    expect(verifyWebhookSignature({ ...signed, now: new Date(Date.now() + 600_000) })).toBe(false);
    expect(
      verifyWebhookSignature({
        ...signed,
        body: hit.body.replace('post_submitted', 'post_published'),
        now: new Date(),
      }),
    ).toBe(false);
    await until(async () => {
      const log = (await call(t, w.owner, { method: 'GET', url: hooksUrl(`/${hookId}/deliveries`) })).json()
        .items;
      return log[0]?.status === 'delivered';
    });
    const [logged] = (
      await call(t, w.owner, { method: 'GET', url: hooksUrl(`/${hookId}/deliveries`) })
    ).json().items;
    expect(logged).toMatchObject({
      kind: 'post_submitted',
      statusCode: 200,
      attempts: 1,
      eventId: payloadOf(hit).id,
    });
    expect(logged.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('retries a failing endpoint with backoff, logs the status codes, and redelivers with the same event id', async () => {
    answer = 500;
    const test = await call(t, w.owner, { method: 'POST', url: hooksUrl(`/${hookId}/test`) });
    expect(test.statusCode).toBe(202);
    const { deliveryId } = test.json();
    const attemptsOf = async () =>
      (await call(t, w.owner, { method: 'GET', url: hooksUrl(`/${hookId}/deliveries`) }))
        .json()
        .items.find((d: { id: string }) => d.id === deliveryId);
    await until(async () => (await attemptsOf())?.attempts >= 2);
    expect(await attemptsOf()).toMatchObject({
      status: 'pending',
      statusCode: 500,
      lastError: 'answered 500',
      failureReason: 'http_status',
    });
    answer = 200;
    await until(async () => (await attemptsOf())?.status === 'delivered');
    expect(await attemptsOf()).toMatchObject({ lastError: null, failureReason: null });
    await until(async () => (await attemptsOf())?.status === 'delivered');
    const testHits = hits.filter((h) => payloadOf(h).event === 'webhook_test');
    const eventId = payloadOf(testHits[0] as Hit).id;
    const again = await call(t, w.owner, {
      method: 'POST',
      url: hooksUrl(`/${hookId}/deliveries/${deliveryId}/redeliver`),
    });
    expect(again.statusCode).toBe(202);
    const before = testHits.length;
    await until(() => hits.filter((h) => payloadOf(h).event === 'webhook_test').length > before);
    expect(payloadOf(hits.at(-1) as Hit).id).toBe(eventId);
  });

  it(`turns a subscription off after ${WEBHOOK_DISABLE_AFTER_FAILURES} failed attempts in a row and tells the owners`, async () => {
    answer = 503;
    for (let i = 0; i < 3; i++) await call(t, w.owner, { method: 'POST', url: hooksUrl(`/${hookId}/test`) });
    const hook = async () =>
      (await call(t, w.owner, { method: 'GET', url: hooksUrl() }))
        .json()
        .items.find((h: { id: string }) => h.id === hookId);
    await until(async () => (await hook()).enabled === false, 60_000);
    expect((await hook()).disabledAt).not.toBeNull();
    await until(async () => {
      const rows = await t.ctx.database.db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, w.owner.userId as string), eq(notifications.kind, 'webhook_disabled')),
        );
      return rows.length === 1;
    });
    // Nothing more is sent while it is off; turning it back on resets the count.
    const sent = hits.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(hits.length).toBe(sent);
    answer = 200;
    const on = await call(t, w.owner, {
      method: 'PATCH',
      url: hooksUrl(`/${hookId}`),
      payload: { enabled: true },
    });
    expect(on.json()).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
  }, 90_000);

  it('refuses a private address when private URLs are not allowed, naming the field', async () => {
    const strict = await createTestApp({ ALLOW_PRIVATE_NETWORK_URLS: 'false' });
    try {
      const world = await buildWorld(strict);
      const res = await call(strict, world.owner, {
        method: 'POST',
        url: `/api/v1/workspaces/${world.ws}/webhooks`,
        payload: { url: 'http://169.254.169.254/latest', kinds: ['post_failed'] },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details[0]).toMatchObject({ field: 'body.url', reason: 'private_address' });
    } finally {
      await strict.close();
    }
  });
});
