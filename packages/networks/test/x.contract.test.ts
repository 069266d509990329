// X API v2: POST /2/tweets in user context, media upload + alt text, replies for the first
// comment, its problem-details errors and rate-limit headers, and OAuth 2.0 with PKCE, HTTP Basic
// client authentication, rotating refresh tokens and revocation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createXAdapter } from '../src/x/adapter';
import { xOAuth } from '../src/x/oauth';
import { authorise, connect } from '../src/testing/oauth-flow';
import { type OAuthServerState, oauthServer } from '../src/testing/oauth-server';
import { failureOf, publishRequest, signal } from '../src/testing/publish-request';
import { type FakeNetwork, bearer, mediaRoutes, startFakeNetwork } from '../src/testing/server';
import { type XMediaStandIn, xMediaRoutes } from '../src/testing/x-media';
import { exchangeCode } from '../src/oauth/token-endpoint';

let net: FakeNetwork;
let oauth: OAuthServerState;
let media: XMediaStandIn;
let mode: 'ok' | 'duplicate' | 'user_limit' | 'app_limit' | 'down' = 'ok';
const tweets: Record<string, unknown>[] = [];
const alt: Record<string, unknown>[] = [];
const client = { clientId: 'x-client', clientSecret: 'x-secret' };

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    mediaRoutes(app);
    oauth = oauthServer(app, {
      authorizePath: '/i/oauth2/authorize',
      tokenPath: '/2/oauth2/token',
      revokePath: '/2/oauth2/revoke',
      ...client,
      clientAuth: 'basic',
      pkce: true,
      expiresIn: 7200,
    });
    app.addHook('preHandler', async (request, reply) => {
      if (request.url.startsWith('/2/oauth2') || !request.url.startsWith('/2/')) return;
      if (!oauth.accessTokens.has(bearer(request) ?? ''))
        return reply
          .code(401)
          .send({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    });
    app.get('/2/users/me', async () => ({
      data: { id: '2244994945', name: 'Cadence Team', username: 'cadence' },
    }));
    media = xMediaRoutes(app);
    app.post('/2/media/metadata', async (request) => {
      alt.push(request.body as Record<string, unknown>);
      return { data: { associated_metadata: true } };
    });
    app.post('/2/tweets', async (request, reply) => {
      const reset = String(Math.floor(Date.now() / 1000) + 900);
      if (mode === 'duplicate')
        return reply.code(403).send({
          detail: 'You are not allowed to create a Tweet with duplicate content.',
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
        });
      if (mode === 'user_limit')
        return reply
          .code(429)
          .header('x-rate-limit-reset', reset)
          .header('x-rate-limit-remaining', '0')
          .send({ title: 'Too Many Requests', detail: 'Too Many Requests', status: 429 });
      if (mode === 'app_limit')
        return reply
          .code(429)
          .header('x-app-limit-24hour-remaining', '0')
          .header('x-rate-limit-reset', reset)
          .send({ title: 'Too Many Requests', detail: 'Too Many Requests', status: 429 });
      if (mode === 'down')
        return reply
          .code(503)
          .send({ title: 'Service Unavailable', detail: 'Service Unavailable', status: 503 });
      tweets.push(request.body as Record<string, unknown>);
      return reply.code(201).send({
        data: {
          id: String(1445880548472328190n + BigInt(tweets.length)),
          text: 'x',
          edit_history_tweet_ids: [],
        },
      });
    });
  });
});
afterAll(() => net.close());
beforeEach(() => {
  mode = 'ok';
  tweets.length = 0;
});

const ctx = () => ({
  http: { allowPrivateNetworkUrls: true },
  baseUrl: net.url,
  client,
  now: () => new Date(),
});
const adapter = () => createXAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: net.url });

describe('X', () => {
  it('runs OAuth 2.0 with PKCE: a wrong verifier is refused, the right one connects, the refresh token rotates, revocation works', async () => {
    const { url, code, state, returnedState } = await authorise(
      xOAuth,
      ctx(),
      'the-verifier-that-goes-with-the-challenge-sent',
    );
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toContain('offline.access');
    expect(returnedState).toBe(state);
    await expect(
      exchangeCode(xOAuth, ctx(), {
        code,
        redirectUri: 'https://cadence.example/api/v1/connect/callback',
        codeVerifier: 'a-different-verifier-an-attacker-would-have',
      }),
    ).rejects.toMatchObject({ failure: { kind: 'auth_revoked', reason: expect.stringContaining('PKCE') } });

    const account = await connect(xOAuth, ctx());
    expect(account).toMatchObject({
      handle: '@cadence',
      credentials: { userId: '2244994945', username: 'cadence' },
    });
    const renewed = await xOAuth.refresh?.(account.credentials, ctx());
    expect(renewed?.credentials.refreshToken).not.toBe(account.credentials.refreshToken);
    // The old refresh token is spent: using it again is refused, which means reconnecting.
    await expect(xOAuth.refresh?.(account.credentials, ctx())).rejects.toMatchObject({
      failure: { kind: 'auth_revoked' },
    });
    await xOAuth.revoke?.(renewed?.credentials ?? {}, ctx());
    expect(oauth.revoked).toContain(renewed?.credentials.refreshToken);
  });

  it('posts with media and alt text, and threads the first comment as a reply', async () => {
    const { credentials } = await connect(xOAuth, ctx());
    const published = await adapter().publish(
      publishRequest({
        network: 'x',
        credentials,
        text: 'Launch',
        link: 'https://example.com',
        media: [{ url: `${net.url}/image.png`, alt: 'Poster', kind: 'image' }],
        firstComment: 'Thread 1/2',
      }),
      signal(),
    );
    expect(published.externalUrl).toBe(`https://x.com/cadence/status/${published.externalId}`);
    const [image] = media.images.slice(-1);
    const imageId = image?.id;
    expect(image?.category).toBe('tweet_image');
    expect(tweets[0]).toEqual({ text: 'Launch\n\nhttps://example.com', media: { media_ids: [imageId] } });
    expect(tweets[1]).toEqual({ text: 'Thread 1/2', reply: { in_reply_to_tweet_id: published.externalId } });
    expect(alt[0]).toEqual({ id: imageId, metadata: { alt_text: { text: 'Poster' } } });
  });

  it('maps duplicate content, user and app rate limits, an outage and a revoked token', async () => {
    const { credentials } = await connect(xOAuth, ctx());
    const run = (c = credentials) =>
      adapter().publish(publishRequest({ network: 'x', credentials: c }), signal());
    mode = 'duplicate';
    await expect(run()).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('duplicate content') },
    });
    mode = 'user_limit';
    const user = await failureOf(run());
    expect(user).toMatchObject({ kind: 'rate_limited', networkWide: false });
    expect(user.retryAfterMs).toBeGreaterThan(890_000);
    mode = 'app_limit';
    await expect(run()).rejects.toMatchObject({ failure: { kind: 'rate_limited', networkWide: true } });
    mode = 'down';
    await expect(run()).rejects.toMatchObject({ failure: { kind: 'transient' } });
    mode = 'ok';
    await expect(run({ ...credentials, accessToken: 'revoked' })).rejects.toMatchObject({
      failure: { kind: 'auth_revoked' },
    });
  });
});
