// LinkedIn: the Posts API (POST /rest/posts, 201 + x-restli-id), the Images API, comments via
// socialActions, its error bodies, and the OAuth flow (authorisation, token, refresh, revocation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLinkedinAdapter } from '../src/linkedin/adapter';
import { toCommentary } from '../src/linkedin/commentary';
import { linkedinOAuth } from '../src/linkedin/oauth';
import { connect } from '../src/testing/oauth-flow';
import { type OAuthServerState, oauthServer } from '../src/testing/oauth-server';
import { publishRequest, signal } from '../src/testing/publish-request';
import { type FakeNetwork, bearer, mediaRoutes, startFakeNetwork } from '../src/testing/server';

let net: FakeNetwork;
let oauth: OAuthServerState;
let mode: 'ok' | 'duplicate' | 'quota' | 'denied' = 'ok';
const posts: Record<string, unknown>[] = [];
const uploads: number[] = [];
const client = { clientId: 'li-client', clientSecret: 'li-secret' };

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    mediaRoutes(app);
    oauth = oauthServer(app, {
      authorizePath: '/oauth/v2/authorization',
      tokenPath: '/oauth/v2/accessToken',
      revokePath: '/oauth/v2/revoke',
      ...client,
      clientAuth: 'body',
      pkce: false,
      expiresIn: 5_184_000,
    });
    app.addHook('preHandler', async (request, reply) => {
      if (
        !request.url.startsWith('/rest/') &&
        !request.url.startsWith('/v2/') &&
        !request.url.startsWith('/upload')
      )
        return;
      if (!oauth.accessTokens.has(bearer(request) ?? ''))
        return reply.code(401).send({
          status: 401,
          serviceErrorCode: 65600,
          code: 'INVALID_ACCESS_TOKEN',
          message: 'Invalid access token',
        });
      if (request.url.startsWith('/rest/') && request.headers['x-restli-protocol-version'] !== '2.0.0')
        return reply.code(400).send({ status: 400, message: 'missing protocol version' });
      if (request.url.startsWith('/rest/') && !/^\d{6}$/.test(String(request.headers['linkedin-version'])))
        return reply
          .code(426)
          .send({ status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version is not active' });
    });
    app.get('/v2/userinfo', async () => ({ sub: 'abc123', name: 'Ada Lovelace' }));
    app.get('/rest/organizationAcls', async () => ({
      elements: [{ organization: 'urn:li:organization:42', role: 'ADMINISTRATOR', state: 'APPROVED' }],
    }));
    app.get('/rest/organizations/:id', async () => ({
      localizedName: 'Analytical Engines',
      vanityName: 'engines',
    }));
    app.post('/rest/images', async (request) => {
      expect((request.query as Record<string, string>).action).toBe('initializeUpload');
      return { value: { uploadUrl: `${net.url}/upload/1`, image: 'urn:li:image:C4E1' } };
    });
    app.put('/upload/1', async (request, reply) => {
      uploads.push((request.body as Buffer).length);
      return reply.code(201).send();
    });
    app.post('/rest/posts', async (request, reply) => {
      if (mode === 'duplicate')
        return reply
          .code(422)
          .send({ status: 422, message: 'Content is a duplicate of urn:li:share:7000000000000000001' });
      if (mode === 'quota')
        return reply.code(429).send({
          status: 429,
          message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
        });
      if (mode === 'denied')
        return reply.code(403).send({
          status: 403,
          serviceErrorCode: 100,
          code: 'ACCESS_DENIED',
          message: 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20251001',
        });
      posts.push(request.body as Record<string, unknown>);
      return reply.code(201).header('x-restli-id', `urn:li:share:700000000000000000${posts.length}`).send();
    });
    app.post('/rest/socialActions/:urn/comments', async (request, reply) =>
      reply.code(201).send({ object: (request.params as { urn: string }).urn }),
    );
  });
});
afterAll(() => net.close());
beforeEach(() => {
  mode = 'ok';
  posts.length = 0;
  net.requests.length = 0;
});

const ctx = () => ({
  http: { allowPrivateNetworkUrls: true },
  baseUrl: net.url,
  client,
  now: () => new Date(),
});
const adapter = () => createLinkedinAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: net.url });

describe('LinkedIn', () => {
  it('connects a member through OAuth, refreshes the token and revokes it', async () => {
    const account = await connect(linkedinOAuth, ctx());
    expect(account).toMatchObject({
      handle: 'abc123',
      displayName: 'Ada Lovelace',
      credentials: { author: 'urn:li:person:abc123' },
    });
    expect(account.accessExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600_000);
    const renewed = await linkedinOAuth.refresh?.(account.credentials, ctx());
    expect(renewed?.credentials.accessToken).not.toBe(account.credentials.accessToken);
    expect(oauth.accessTokens.has(renewed?.credentials.accessToken ?? '')).toBe(true);
    await linkedinOAuth.revoke?.(renewed?.credentials ?? {}, ctx());
    expect(oauth.revoked).toContain(renewed?.credentials.accessToken);
  });

  it('connects an organisation page the member administers, and refuses one they do not', async () => {
    expect((await connect(linkedinOAuth, ctx(), '42')).credentials.author).toBe('urn:li:organization:42');
    await expect(connect(linkedinOAuth, ctx(), '99')).rejects.toMatchObject({
      failure: { kind: 'permanent' },
    });
  });

  it('posts with versioned headers, escaped commentary, an image with alt text and a first comment', async () => {
    const { credentials } = await connect(linkedinOAuth, ctx());
    const published = await adapter().publish(
      publishRequest({
        network: 'linkedin',
        credentials,
        text: 'Ship it (today) #launch',
        media: [{ url: `${net.url}/image.png`, alt: 'Poster', kind: 'image' }],
        firstComment: 'Details',
      }),
      signal(),
    );
    expect(published.externalId).toBe('urn:li:share:7000000000000000001');
    expect(posts[0]).toMatchObject({
      author: 'urn:li:person:abc123',
      commentary: 'Ship it \\(today\\) {hashtag|\\#|launch}',
      content: { media: { id: 'urn:li:image:C4E1', altText: 'Poster' } },
      lifecycleState: 'PUBLISHED',
    });
    expect(uploads).toEqual([70]);
    expect(
      net.requests.some(
        (r) => r.path === `/rest/socialActions/${encodeURIComponent(published.externalId)}/comments`,
      ),
    ).toBe(true);
  });

  it('treats LinkedIn naming a duplicate as the post already made, and maps quota, permission and token errors', async () => {
    const { credentials } = await connect(linkedinOAuth, ctx());
    const run = (c = credentials) =>
      adapter().publish(publishRequest({ network: 'linkedin', credentials: c }), signal());
    mode = 'duplicate';
    expect((await run()).externalId).toBe('urn:li:share:7000000000000000001');
    mode = 'quota';
    await expect(run()).rejects.toMatchObject({ failure: { kind: 'rate_limited' } });
    mode = 'denied';
    await expect(run()).rejects.toMatchObject({
      failure: { kind: 'auth_revoked', reason: expect.stringContaining('Not enough permissions') },
    });
    mode = 'ok';
    await expect(run({ ...credentials, accessToken: 'gone' })).rejects.toMatchObject({
      failure: { kind: 'auth_revoked' },
    });
  });

  it('escapes every reserved character of the little text format', () => {
    expect(toCommentary('a|b{c}d@e[f]g(h)i<j>k\\l*m_n~o')).toBe(
      'a\\|b\\{c\\}d\\@e\\[f\\]g\\(h\\)i\\<j\\>k\\\\l\\*m\\_n\\~o',
    );
  });
});
