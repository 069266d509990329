// The Mastodon adapter against a local instance that implements the documented endpoints:
// POST /api/v2/media (202 then GET /api/v1/media/:id 206 -> 200), POST /api/v1/statuses with
// Idempotency-Key, and Mastodon's error answers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMastodonAdapter } from '../src/mastodon/adapter';
import {
  type FakeNetwork,
  PNG,
  bearer,
  mediaRoutes,
  multipartFields,
  startFakeNetwork,
} from '../src/testing/server';
import { fakeLibrary, libraryRef, memoryUploads } from '../src/testing/library';
import { failureOf, publishRequest, signal } from '../src/testing/publish-request';

const TOKEN = 'mastodon-user-token';
let net: FakeNetwork;
let mode: 'ok' | 'rate_limited' | 'down' | 'statuses_down' = 'ok';
/** What the fake answers as the status's url and uri; by default a page on the instance itself. */
let statusLinks: (id: string) => { url: string | null; uri: string } = (id) => ({
  url: `${net.url}/@me/${id}`,
  uri: `${net.url}/users/me/statuses/${id}`,
});
const statuses = new Map<string, { id: string; status: string; in_reply_to_id: string | null }>();
const media = new Map<string, { polls: number; description: string | null; size: number }>();

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    mediaRoutes(app);
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      if (bearer(request) !== TOKEN) return reply.code(401).send({ error: 'The access token is invalid' });
      if (mode === 'rate_limited') {
        return reply
          .code(429)
          .header('x-ratelimit-reset', new Date(Date.now() + 120_000).toISOString())
          .send({ error: 'Too many requests' });
      }
      if (mode === 'down') return reply.code(503).send('<html>Service Unavailable</html>');
    });
    app.post('/api/v2/media', async (request, reply) => {
      const form = await multipartFields(request);
      const file = form.get('file');
      if (!(file instanceof Blob))
        return reply.code(422).send({ error: 'Validation failed: File is missing' });
      const id = String(media.size + 1);
      media.set(id, {
        polls: 0,
        description: (form.get('description') as string | null) ?? null,
        size: file.size,
      });
      return reply.code(202).send({ id, type: 'image', url: null, description: form.get('description') });
    });
    app.get('/api/v1/media/:id', async (request, reply) => {
      const item = media.get((request.params as { id: string }).id);
      if (!item) return reply.code(404).send({ error: 'Record not found' });
      item.polls++;
      return item.polls < 2
        ? reply.code(206).send({ id: '1', url: null })
        : reply.send({ id: '1', url: 'http://files/1.png' });
    });
    app.post('/api/v1/statuses', async (request, reply) => {
      const body = request.body as {
        status?: string;
        media_ids?: string[];
        in_reply_to_id?: string;
        visibility?: string;
      };
      if (mode === 'statuses_down') return reply.code(503).send('<html>Service Unavailable</html>');
      const key = String(request.headers['idempotency-key'] ?? '');
      const existing = statuses.get(key);
      if (existing) return reply.send({ ...existing, ...statusLinks(existing.id) });
      if (!body.status && !body.media_ids?.length)
        return reply.code(422).send({ error: "Validation failed: Text can't be blank" });
      if ((body.status ?? '').length > 500)
        return reply.code(422).send({ error: 'Validation failed: Text character limit of 500 exceeded' });
      const status = {
        id: String(100 + statuses.size),
        status: body.status ?? '',
        in_reply_to_id: body.in_reply_to_id ?? null,
      };
      statuses.set(key || status.id, status);
      return reply.send({ ...status, ...statusLinks(status.id), visibility: body.visibility });
    });
  });
});
afterAll(() => net.close());
beforeEach(() => {
  mode = 'ok';
  statusLinks = (id) => ({ url: `${net.url}/@me/${id}`, uri: `${net.url}/users/me/statuses/${id}` });
  statuses.clear();
  media.clear();
  net.requests.length = 0;
});

const adapter = () => createMastodonAdapter({ http: { allowPrivateNetworkUrls: true }, pollIntervalMs: 5 });
const creds = () => ({ instanceUrl: net.url, accessToken: TOKEN });

describe('Mastodon adapter', () => {
  it('uploads media with alt text, waits for processing, then posts with an idempotency key and options', async () => {
    const published = await adapter().publish(
      publishRequest({
        network: 'mastodon',
        credentials: creds(),
        text: 'Launch',
        link: 'https://example.com/launch',
        media: [{ url: `${net.url}/image.png`, alt: 'The launch poster', kind: 'image' }],
        options: { visibility: 'unlisted', spoilerText: 'launch spoilers' },
      }),
      signal(),
    );
    expect(published).toEqual({ externalId: '100', externalUrl: `${net.url}/@me/100` });
    expect(media.get('1')).toMatchObject({ description: 'The launch poster', size: PNG.length, polls: 2 });
    const post = net.requests.find((r) => r.path === '/api/v1/statuses');
    expect(post?.headers['idempotency-key']).toBe('0b7d6a5e-2f7c-4c1e-9a4e-1d2c3b4a5f60');
    expect(post?.body).toEqual({
      status: 'Launch\n\nhttps://example.com/launch',
      visibility: 'unlisted',
      media_ids: ['1'],
      spoiler_text: 'launch spoilers',
    });
  });

  it('publishes a library item with its description, and a retry reuses the attachment (issue 14)', async () => {
    const a = createMastodonAdapter({
      http: { allowPrivateNetworkUrls: true },
      pollIntervalMs: 5,
      library: fakeLibrary(),
      uploads: memoryUploads(),
    });
    const request = publishRequest({
      network: 'mastodon',
      credentials: creds(),
      media: [libraryRef('Poster')],
    });
    mode = 'statuses_down';
    expect((await failureOf(a.publish(request, signal()))).kind).toBe('transient');
    mode = 'ok';
    await a.publish(request, signal());
    expect(net.requests.filter((r) => r.path === '/api/v2/media')).toHaveLength(1);
    expect(media.get('1')).toMatchObject({ description: 'Poster', size: PNG.length });
    // The retry asks whether the attachment is ready before using it.
    expect(media.get('1')?.polls).toBe(3);
    expect(statuses.get(request.targetId)).toBeDefined();
    const post = net.requests.filter((r) => r.path === '/api/v1/statuses').at(-1);
    expect(post?.body).toMatchObject({ media_ids: ['1'] });
  });

  it('a retried target gets the first status back, and the first comment replies under its own key', async () => {
    const request = publishRequest({
      network: 'mastodon',
      credentials: creds(),
      firstComment: 'Details below',
    });
    const first = await adapter().publish(request, signal());
    const again = await adapter().publish(request, signal());
    expect(again.externalId).toBe(first.externalId);
    expect(statuses.size).toBe(2);
    const comment = statuses.get(`${request.targetId}:comment`);
    expect(comment).toMatchObject({ status: 'Details below', in_reply_to_id: first.externalId });
  });

  it('maps a revoked token, a validation error, a rate limit and an outage onto failure kinds', async () => {
    const fail = (overrides: object) =>
      adapter().publish(
        publishRequest({ network: 'mastodon', credentials: creds(), ...overrides }),
        signal(),
      );
    await expect(
      fail({ credentials: { instanceUrl: net.url, accessToken: 'revoked' } }),
    ).rejects.toMatchObject({
      failure: { kind: 'auth_revoked', reason: expect.stringContaining('The access token is invalid') },
    });
    await expect(fail({ text: 'x'.repeat(501) })).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('character limit of 500') },
    });
    mode = 'rate_limited';
    const limited = await failureOf(fail({}));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfterMs).toBeGreaterThan(100_000);
    expect(limited.retryAfterMs).toBeLessThanOrEqual(120_000);
    mode = 'down';
    await expect(fail({})).rejects.toMatchObject({ failure: { kind: 'transient' } });
  });

  it('refuses media that is not an image by its content, before posting anything', async () => {
    await expect(
      adapter().publish(
        publishRequest({
          network: 'mastodon',
          credentials: creds(),
          media: [{ url: `${net.url}/not-an-image.png`, alt: '', kind: 'image' }],
        }),
        signal(),
      ),
    ).rejects.toMatchObject({ failure: { kind: 'permanent' } });
    expect(net.requests.some((r) => r.path.startsWith('/api/'))).toBe(false);
  });

  it('does not call an instance on a private address unless configured to', async () => {
    const strict = createMastodonAdapter({ http: { allowPrivateNetworkUrls: false } });
    const overHttps = { ...creds(), instanceUrl: net.url.replace('http:', 'https:') };
    await expect(
      strict.publish(publishRequest({ network: 'mastodon', credentials: overHttps }), signal()),
    ).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('private or reserved') },
    });
    expect(net.requests).toHaveLength(0);
  });

  it('refuses a stored http instance (the token would travel in clear) unless in development (finding 13)', async () => {
    const strict = createMastodonAdapter({ http: { allowPrivateNetworkUrls: false } });
    const overHttp = { ...creds(), instanceUrl: 'http://93.184.216.34' };
    await expect(
      strict.publish(publishRequest({ network: 'mastodon', credentials: overHttp }), signal()),
    ).rejects.toMatchObject({ failure: { kind: 'auth_revoked', reason: expect.stringContaining('https') } });
    expect(net.requests).toHaveLength(0);
  });

  it('keeps only an http(s) link on the instance itself as the post’s address (issue 10, finding 10)', async () => {
    const publish = () =>
      adapter().publish(
        publishRequest({ network: 'mastodon', credentials: creds(), text: 'Hi', media: [] }),
        signal(),
      );
    statusLinks = () => ({ url: 'javascript:alert(document.cookie)', uri: 'javascript:alert(1)' });
    expect((await publish()).externalUrl).toBeNull();
    statuses.clear();
    statusLinks = (id) => ({
      url: `https://evil.example/@me/${id}`,
      uri: `${net.url}/users/me/statuses/${id}`,
    });
    expect((await publish()).externalUrl).toBe(`${net.url}/users/me/statuses/100`);
  });
});
