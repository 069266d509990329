import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishRequest } from './adapter';
import { NetworkError } from './errors';
import { createWebhookAdapter, verifyWebhookSignature, WEBHOOK_HEADERS } from './webhook';

const secret = 'a-long-enough-webhook-secret';
let server: Server;
let url: string;
let answer: { status: number; body: string; headers?: Record<string, string> } = { status: 200, body: '' };
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => server.close());

const request = (credentials: unknown): PublishRequest => ({
  targetId: '6b0a6a57-4a4e-4f53-9a0e-6e4d1f7d9a01',
  workspaceId: 'ws',
  postId: 'post',
  channelId: 'chan',
  network: 'webhook',
  text: 'Bonjour 👋',
  link: null,
  media: [],
  firstComment: null,
  scheduledAt: new Date('2026-03-10T10:00:00Z'),
  credentials,
});

const adapter = createWebhookAdapter({ http: { allowPrivateNetworkUrls: true } });
const signal = () => AbortSignal.timeout(5000);

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkError);
  return (error as NetworkError).failure;
}

describe('webhook adapter', () => {
  it('posts signed JSON with the target id as delivery id', async () => {
    answer = { status: 201, body: JSON.stringify({ id: 'remote-42', url: 'https://example.org/p/42' }) };
    received.length = 0;
    const published = await adapter.publish(request({ url, secret }), signal());
    expect(published).toEqual({ externalId: 'remote-42', externalUrl: 'https://example.org/p/42' });
    const [delivery] = received;
    if (!delivery) throw new Error('nothing received');
    expect(delivery.headers[WEBHOOK_HEADERS.delivery]).toBe(request(null).targetId);
    const valid = verifyWebhookSignature({
      secret,
      timestamp: String(delivery.headers[WEBHOOK_HEADERS.timestamp]),
      signature: String(delivery.headers[WEBHOOK_HEADERS.signature]),
      body: delivery.body,
      now: new Date(),
    });
    expect(valid).toBe(true);
    expect(
      verifyWebhookSignature({
        secret: 'another-secret-of-some-length',
        timestamp: String(delivery.headers[WEBHOOK_HEADERS.timestamp]),
        signature: String(delivery.headers[WEBHOOK_HEADERS.signature]),
        body: delivery.body,
        now: new Date(),
      }),
    ).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({
      deliveryId: request(null).targetId,
      post: { text: 'Bonjour 👋' },
    });
  });

  it('falls back to the delivery id when the receiver answers nothing usable', async () => {
    answer = { status: 204, body: '' };
    expect(await adapter.publish(request({ url, secret }), signal())).toEqual({
      externalId: request(null).targetId,
      externalUrl: null,
    });
    answer = { status: 200, body: JSON.stringify({ url: 'javascript:alert(1)' }) };
    expect((await adapter.publish(request({ url, secret }), signal())).externalUrl).toBeNull();
  });

  it('classifies the answers', async () => {
    answer = { status: 503, body: 'down' };
    expect((await failureOf(adapter.publish(request({ url, secret }), signal()))).kind).toBe('transient');
    answer = { status: 429, body: '', headers: { 'retry-after': '7' } };
    expect(await failureOf(adapter.publish(request({ url, secret }), signal()))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 7000,
    });
    answer = { status: 401, body: 'bad signature' };
    expect((await failureOf(adapter.publish(request({ url, secret }), signal()))).kind).toBe('auth_revoked');
    answer = { status: 400, body: 'nope' };
    expect(await failureOf(adapter.publish(request({ url, secret }), signal()))).toMatchObject({
      kind: 'permanent',
      reason: 'The network refused the post (HTTP 400): nope',
    });
  });

  it('asks for a reconnect when the channel has no usable credentials', async () => {
    expect((await failureOf(adapter.publish(request(null), signal()))).kind).toBe('auth_revoked');
    expect((await failureOf(adapter.publish(request({ url, secret: 'short' }), signal()))).kind).toBe(
      'auth_revoked',
    );
  });

  it('refuses a private address when private URLs are not allowed', async () => {
    const strict = createWebhookAdapter({ http: { allowPrivateNetworkUrls: false } });
    const f = await failureOf(strict.publish(request({ url, secret }), signal()));
    expect(f).toMatchObject({ kind: 'permanent' });
    expect(f.reason).toMatch(/private or reserved/);
  });
});
