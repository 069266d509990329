// Instagram (professional accounts) and Threads: container, wait until FINISHED, publish; the
// Instagram/Threads Login flows with the long-lived token exchange and refresh; failure cases.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInstagramAdapter } from '../src/instagram/adapter';
import { instagramOAuth } from '../src/instagram/oauth';
import { createThreadsAdapter } from '../src/threads/adapter';
import { threadsOAuth } from '../src/threads/oauth';
import { type ContainerFake, containerRoutes } from '../src/testing/meta-containers';
import { fakeLibrary, LIBRARY_ITEM, libraryRef, memoryUploads } from '../src/testing/library';
import { connect } from '../src/testing/oauth-flow';
import { oauthServer } from '../src/testing/oauth-server';
import { publishRequest, signal } from '../src/testing/publish-request';
import { type FakeNetwork, mediaRoutes, startFakeNetwork } from '../src/testing/server';

const client = { clientId: 'meta-app', clientSecret: 'meta-secret' };
const http = { allowPrivateNetworkUrls: true };

/** Meta's long-lived token endpoints: GET /access_token (exchange) and /refresh_access_token. */
function longLivedRoutes(app: FastifyInstance, grants: { exchange: string; refresh: string }) {
  app.get('/access_token', async (request, reply) => {
    const q = request.query as Record<string, string>;
    if (q.grant_type !== grants.exchange || q.client_secret !== client.clientSecret)
      return reply.code(400).send({ error: { message: 'Invalid grant', code: 100 } });
    return { access_token: 'long-lived-1', token_type: 'bearer', expires_in: 5_184_000 };
  });
  app.get('/refresh_access_token', async (request, reply) => {
    const q = request.query as Record<string, string>;
    if (q.grant_type !== grants.refresh || q.access_token !== 'long-lived-1')
      return reply
        .code(400)
        .send({ error: { message: 'Session has expired', type: 'OAuthException', code: 190 } });
    return { access_token: 'long-lived-2', token_type: 'bearer', expires_in: 5_184_000 };
  });
}

describe('Instagram', () => {
  let net: FakeNetwork;
  let fake: ContainerFake;
  beforeAll(async () => {
    net = await startFakeNetwork((app) => {
      oauthServer(app, {
        authorizePath: '/oauth/authorize',
        tokenPath: '/oauth/access_token',
        ...client,
        clientAuth: 'body',
        pkce: false,
        extraTokenFields: { user_id: '17841400000000001' },
      });
      longLivedRoutes(app, { exchange: 'ig_exchange_token', refresh: 'ig_refresh_token' });
      mediaRoutes(app);
      app.get('/v21.0/me', async () => ({
        user_id: '17841400000000001',
        username: 'bakery',
        name: 'The Bakery',
      }));
      fake = containerRoutes(app, {
        version: 'v21.0',
        user: '17841400000000001',
        token: 'long-lived-1',
        create: 'media',
        publish: 'media_publish',
        statusField: 'status_code',
        permalinkBase: 'https://www.instagram.com/p',
      });
    });
  });
  afterAll(() => net.close());
  beforeEach(() => {
    fake.failNextContainer = false;
    fake.graphError = null;
  });
  const ctx = () => ({ http, baseUrl: net.url, client, now: () => new Date() });
  const adapter = () => createInstagramAdapter({ http, baseUrl: net.url, pollIntervalMs: 5 });
  const creds = { igUserId: '17841400000000001', accessToken: 'long-lived-1' };

  it('connects with a 60-day token and refreshes it', async () => {
    const account = await connect(instagramOAuth, ctx());
    expect(account).toMatchObject({
      handle: '@bakery',
      credentials: { igUserId: '17841400000000001', accessToken: 'long-lived-1' },
    });
    expect(account.accessExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600_000);
    expect((await instagramOAuth.refresh?.(account.credentials, ctx()))?.credentials.accessToken).toBe(
      'long-lived-2',
    );
  });

  it('creates a container, waits until FINISHED, publishes, and reads the permalink', async () => {
    const published = await adapter().publish(
      publishRequest({
        network: 'instagram',
        credentials: creds,
        text: 'Fresh bread #bakery',
        media: [{ url: `${net.url}/image.png`, alt: 'Loaves', kind: 'image' }],
      }),
      signal(),
    );
    const [id, container] = [...fake.containers.entries()].at(-1) ?? [];
    expect(container?.fields).toMatchObject({
      image_url: `${net.url}/image.png`,
      caption: 'Fresh bread #bakery',
      alt_text: 'Loaves',
    });
    expect(fake.published).toContain(id);
    expect(published.externalUrl).toBe(`https://www.instagram.com/p/${published.externalId}`);
  });

  it('publishes a library item through a signed link the stand-in fetches; without PUBLIC_URL it says so', async () => {
    const library = fakeLibrary(undefined, (id) => `${net.url}/image.png?item=${id}&signature=s`);
    const withLibrary = createInstagramAdapter({ http, baseUrl: net.url, pollIntervalMs: 5, library });
    const request = publishRequest({
      network: 'instagram',
      credentials: creds,
      media: [libraryRef('Loaves')],
    });
    const before = fake.fetched.length;
    await withLibrary.publish(request, signal());
    const [, container] = [...fake.containers.entries()].at(-1) ?? [];
    expect(container?.fields).toMatchObject({
      image_url: `${net.url}/image.png?item=${LIBRARY_ITEM}&signature=s`,
      alt_text: 'Loaves',
    });
    expect(fake.fetched.slice(before)).toEqual([
      expect.objectContaining({ status: 200, contentType: 'image/png', ok: true }),
    ]);
    expect(library.linked).toEqual([LIBRARY_ITEM]);
    // Another workspace's post cannot lend this item; without PUBLIC_URL there is no link to give.
    await expect(withLibrary.publish({ ...request, workspaceId: 'ws-2' }, signal())).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('no longer in the library') },
    });
    const noPublicUrl = createInstagramAdapter({ http, baseUrl: net.url, library: fakeLibrary() });
    await expect(noPublicUrl.publish(request, signal())).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('PUBLIC_URL') },
    });
  });

  it('fails the container when Meta cannot fetch the media (a refused link)', async () => {
    const library = fakeLibrary(undefined, () => `${net.url}/missing.png`);
    const withLibrary = createInstagramAdapter({ http, baseUrl: net.url, pollIntervalMs: 5, library });
    await expect(
      withLibrary.publish(
        publishRequest({ network: 'instagram', credentials: creds, media: [libraryRef('')] }),
        signal(),
      ),
    ).rejects.toMatchObject({ failure: { kind: 'permanent' } });
    expect(fake.fetched.at(-1)).toMatchObject({ status: 404, ok: false });
  });

  it('keeps no permalink that is not http(s) on Instagram’s own host (issue 10, finding 10)', async () => {
    const publish = () =>
      adapter().publish(
        publishRequest({
          network: 'instagram',
          credentials: creds,
          text: 'Fresh bread',
          media: [{ url: `${net.url}/image.png`, alt: 'Loaves', kind: 'image' }],
        }),
        signal(),
      );
    try {
      for (const base of ['javascript:alert(document.cookie)//', 'https://instagram.com.evil.example/p']) {
        fake.permalinkBase = base;
        const published = await publish();
        expect(published.externalId).toBeTruthy();
        expect(published.externalUrl).toBeNull();
      }
    } finally {
      fake.permalinkBase = 'https://www.instagram.com/p';
    }
  });

  it('a retry after the publish step failed publishes the containers already made, until they expire', async () => {
    let at = new Date('2026-03-01T10:00:00Z');
    const uploads = memoryUploads();
    const remembering = createInstagramAdapter({
      http,
      baseUrl: net.url,
      pollIntervalMs: 5,
      uploads,
      clock: () => at,
    });
    const carousel = publishRequest({
      network: 'instagram',
      credentials: creds,
      targetId: '3d4e5f6a-7b8c-4d9e-8f0a-b1c2d3e4f5a6',
      media: [
        { url: `${net.url}/image.png`, alt: 'One', kind: 'image' },
        { url: `${net.url}/image.png?2`, alt: 'Two', kind: 'image' },
      ],
    });
    fake.failNextPublish = true;
    await expect(remembering.publish(carousel, signal())).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
    const made = fake.containers.size;
    const [carouselId] = [...fake.containers.keys()].slice(-1);
    const fetches = fake.fetched.length;

    await remembering.publish(carousel, signal());
    expect(fake.containers.size).toBe(made);
    expect(fake.fetched.length).toBe(fetches);
    expect(fake.published.at(-1)).toBe(carouselId);

    // A day later Meta has dropped an unpublished container: the retry makes new ones.
    const single = {
      ...carousel,
      targetId: '4e5f6a7b-8c9d-4e0f-9a1b-c2d3e4f5a6b7',
      media: carousel.media.slice(0, 1),
    };
    fake.failNextPublish = true;
    await expect(remembering.publish(single, signal())).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
    const before = fake.containers.size;
    at = new Date('2026-03-02T10:00:00Z');
    await remembering.publish(single, signal());
    expect(fake.containers.size).toBe(before + 1);
  });

  it('builds a carousel from several media', async () => {
    await adapter().publish(
      publishRequest({
        network: 'instagram',
        credentials: creds,
        media: [
          { url: `${net.url}/image.png`, alt: '', kind: 'image' },
          { url: `${net.url}/clip.mp4`, alt: '', kind: 'video' },
        ],
      }),
      signal(),
    );
    const entries = [...fake.containers.values()].slice(-3);
    expect(entries.map((c) => c.fields.is_carousel_item ?? c.fields.media_type)).toEqual([
      'true',
      'true',
      'CAROUSEL',
    ]);
    expect(entries[1]?.fields).toMatchObject({ media_type: 'VIDEO', video_url: `${net.url}/clip.mp4` });
  });

  it('refuses a post without media, fails on a container ERROR, maps an expired token and the publishing limit', async () => {
    const run = (overrides: object = {}) =>
      adapter().publish(
        publishRequest({
          network: 'instagram',
          credentials: creds,
          media: [{ url: `${net.url}/image.png`, alt: '', kind: 'image' }],
          ...overrides,
        }),
        signal(),
      );
    await expect(run({ media: [] })).rejects.toMatchObject({ failure: { kind: 'permanent' } });
    fake.failNextContainer = true;
    await expect(run()).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('Unsupported image format') },
    });
    fake.failNextContainer = false;
    await expect(run({ credentials: { ...creds, accessToken: 'old' } })).rejects.toMatchObject({
      failure: { kind: 'auth_revoked' },
    });
    fake.graphError = { status: 400, error: { message: 'Application request limit reached', code: 4 } };
    await expect(run()).rejects.toMatchObject({ failure: { kind: 'rate_limited' } });
  });
});

describe('Threads', () => {
  let net: FakeNetwork;
  let fake: ContainerFake;
  beforeAll(async () => {
    net = await startFakeNetwork((app) => {
      oauthServer(app, {
        authorizePath: '/oauth/authorize',
        tokenPath: '/oauth/access_token',
        ...client,
        clientAuth: 'body',
        pkce: false,
        extraTokenFields: { user_id: '1234567' },
      });
      longLivedRoutes(app, { exchange: 'th_exchange_token', refresh: 'th_refresh_token' });
      mediaRoutes(app);
      app.get('/v1.0/me', async () => ({ id: '1234567', username: 'bakery', name: 'The Bakery' }));
      fake = containerRoutes(app, {
        version: 'v1.0',
        user: '1234567',
        token: 'long-lived-1',
        create: 'threads',
        publish: 'threads_publish',
        statusField: 'status',
        permalinkBase: 'https://www.threads.net/@bakery/post',
      });
    });
  });
  afterAll(() => net.close());
  const ctx = () => ({ http, baseUrl: net.url, client, now: () => new Date() });
  const adapter = () => createThreadsAdapter({ http, baseUrl: net.url, pollIntervalMs: 5 });
  const creds = { userId: '1234567', accessToken: 'long-lived-1' };

  it('connects, refreshes, and publishes a text post through a container', async () => {
    const account = await connect(threadsOAuth, ctx());
    expect(account).toMatchObject({ handle: '@bakery', credentials: { userId: '1234567' } });
    expect((await threadsOAuth.refresh?.(account.credentials, ctx()))?.credentials.accessToken).toBe(
      'long-lived-2',
    );
    const published = await adapter().publish(
      publishRequest({ network: 'threads', credentials: creds, link: 'https://example.com' }),
      signal(),
    );
    const container = [...fake.containers.values()].at(-1);
    expect(container?.fields).toMatchObject({
      media_type: 'TEXT',
      text: 'Hello from Cadence\n\nhttps://example.com',
    });
    expect(published.externalUrl).toContain(published.externalId);
  });

  it('publishes a carousel of library items through signed links the stand-in fetches', async () => {
    const library = fakeLibrary(undefined, (id) => `${net.url}/image.png?item=${id}`);
    const withLibrary = createThreadsAdapter({ http, baseUrl: net.url, pollIntervalMs: 5, library });
    const before = fake.fetched.length;
    await withLibrary.publish(
      publishRequest({
        network: 'threads',
        credentials: creds,
        media: [libraryRef('One'), { ...libraryRef('Two'), url: `${net.url}/image.png` }],
      }),
      signal(),
    );
    const entries = [...fake.containers.values()].slice(-3);
    expect(entries.map((c) => c.fields.media_type)).toEqual(['IMAGE', 'IMAGE', 'CAROUSEL']);
    expect(entries[0]?.fields).toMatchObject({
      image_url: `${net.url}/image.png?item=${LIBRARY_ITEM}`,
      alt_text: 'One',
    });
    expect(fake.fetched.slice(before).map((f) => f.ok)).toEqual([true, true]);
    expect(library.linked).toEqual([LIBRARY_ITEM, LIBRARY_ITEM]);
  });

  it('a retry after the publish step failed publishes the same container', async () => {
    const withMemory = createThreadsAdapter({
      http,
      baseUrl: net.url,
      pollIntervalMs: 5,
      uploads: memoryUploads(),
    });
    const request = publishRequest({ network: 'threads', credentials: creds, text: 'Once only' });
    fake.failNextPublish = true;
    await expect(withMemory.publish(request, signal())).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
    const made = fake.containers.size;
    await withMemory.publish(request, signal());
    expect(fake.containers.size).toBe(made);
    expect(fake.published.at(-1)).toBe([...fake.containers.keys()].at(-1));
  });

  it('a retry after the publish answer was lost does not publish the container again', async () => {
    const withMemory = createThreadsAdapter({
      http,
      baseUrl: net.url,
      pollIntervalMs: 5,
      uploads: memoryUploads(),
    });
    const request = publishRequest({ network: 'threads', credentials: creds, text: 'Said once' });
    fake.loseNextPublishAnswer = true;
    await expect(withMemory.publish(request, signal())).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
    const container = [...fake.containers.keys()].at(-1) ?? '';
    await expect(withMemory.publish(request, signal())).rejects.toMatchObject({
      failure: { kind: 'ambiguous' },
    });
    expect(fake.published.filter((id) => id === container)).toHaveLength(1);
  });

  it('maps a revoked token', async () => {
    await expect(
      adapter().publish(
        publishRequest({ network: 'threads', credentials: { ...creds, accessToken: 'x' } }),
        signal(),
      ),
    ).rejects.toMatchObject({
      failure: { kind: 'auth_revoked' },
    });
  });
});
