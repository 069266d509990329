// Facebook Pages: Facebook Login (code + PKCE, GET token endpoint), the long-lived token exchange,
// the page token from /me/accounts, posting to /{page}/feed and /{page}/photos, Graph error codes,
// and revocation with DELETE /me/permissions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookAdapter } from '../src/facebook/adapter';
import { facebookOAuth } from '../src/facebook/oauth';
import { connect } from '../src/testing/oauth-flow';
import { type OAuthServerState, oauthServer } from '../src/testing/oauth-server';
import { publishRequest, signal } from '../src/testing/publish-request';
import { type FakeNetwork, startFakeNetwork } from '../src/testing/server';

let net: FakeNetwork;
let oauth: OAuthServerState;
let graphError: { status: number; error: Record<string, unknown> } | null = null;
const client = { clientId: 'fb-app', clientSecret: 'fb-secret' };
const PAGE_TOKEN = 'page-token-1';
const calls: { path: string; body: Record<string, string> }[] = [];
let revoked = false;

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    oauth = oauthServer(app, {
      authorizePath: '/v21.0/dialog/oauth',
      tokenPath: '/v21.0/oauth/access_token',
      tokenMethod: 'GET',
      ...client,
      clientAuth: 'body',
      pkce: true,
      extraGrants: {
        fb_exchange_token: (f) =>
          oauth.accessTokens.has(f.fb_exchange_token ?? '')
            ? {
                status: 200,
                body: { access_token: 'long-lived-user', token_type: 'bearer', expires_in: 5_183_944 },
              }
            : {
                status: 400,
                body: {
                  error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 },
                },
              },
      },
    });
    app.get('/v21.0/me/accounts', async (request) => {
      expect((request.query as Record<string, string>).access_token).toBe('long-lived-user');
      return {
        data: [
          { id: '1001', name: 'Bakery', access_token: PAGE_TOKEN },
          { id: '1002', name: 'Café', access_token: 'page-token-2' },
        ],
      };
    });
    app.delete('/v21.0/me/permissions', async () => {
      revoked = true;
      return { success: true };
    });
    app.post('/v21.0/:page/:edge', async (request, reply) => {
      const body = request.body as Record<string, string>;
      const { page, edge } = request.params as { page: string; edge: string };
      if (body.access_token !== PAGE_TOKEN)
        return reply.code(400).send({
          error: {
            message: 'Error validating access token: The session has been invalidated.',
            type: 'OAuthException',
            code: 190,
            error_subcode: 460,
          },
        });
      if (graphError) return reply.code(graphError.status).send({ error: graphError.error });
      calls.push({ path: `${page}/${edge}`, body });
      const id = String(calls.length);
      return edge === 'photos'
        ? { id: `90${id}`, ...(body.published === 'false' ? {} : { post_id: `${page}_80${id}` }) }
        : { id: `${page}_70${id}` };
    });
  });
});
afterAll(() => net.close());
beforeEach(() => {
  graphError = null;
  calls.length = 0;
});

const ctx = () => ({
  http: { allowPrivateNetworkUrls: true },
  baseUrl: net.url,
  client,
  now: () => new Date(),
});
const adapter = () => createFacebookAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: net.url });
const creds = { pageId: '1001', pageAccessToken: PAGE_TOKEN };

describe('Facebook Pages', () => {
  it('connects the chosen page with a long-lived page token, asks which page when there are several, revokes', async () => {
    await expect(connect(facebookOAuth, ctx())).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('Bakery (1001), Café (1002)') },
    });
    const account = await connect(facebookOAuth, ctx(), '1001');
    expect(account).toMatchObject({
      handle: '1001',
      displayName: 'Bakery',
      accessExpiresAt: null,
      credentials: { pageId: '1001', pageAccessToken: PAGE_TOKEN },
    });
    expect(oauth.authorizeRequests.at(-1)?.scope).toBe(
      'pages_show_list,pages_manage_posts,pages_read_engagement',
    );
    await facebookOAuth.revoke?.(account.credentials, ctx());
    expect(revoked).toBe(true);
  });

  it('posts text with a link to the feed, one photo to /photos, several photos attached to one feed post', async () => {
    expect(
      (
        await adapter().publish(
          publishRequest({ network: 'facebook', credentials: creds, link: 'https://example.com' }),
          signal(),
        )
      ).externalId,
    ).toBe('1001_701');
    expect(calls[0]).toMatchObject({
      path: '1001/feed',
      body: { message: 'Hello from Cadence', link: 'https://example.com' },
    });
    calls.length = 0;
    const photo = await adapter().publish(
      publishRequest({
        network: 'facebook',
        credentials: creds,
        media: [{ url: 'https://cdn.example/a.jpg', alt: 'A', kind: 'image' }],
      }),
      signal(),
    );
    expect(photo.externalId).toBe('1001_801');
    expect(calls[0]).toMatchObject({
      path: '1001/photos',
      body: { url: 'https://cdn.example/a.jpg', caption: 'Hello from Cadence', alt_text_custom: 'A' },
    });
    calls.length = 0;
    const album = await adapter().publish(
      publishRequest({
        network: 'facebook',
        credentials: creds,
        media: [
          { url: 'https://cdn.example/a.jpg', alt: '', kind: 'image' },
          { url: 'https://cdn.example/b.jpg', alt: '', kind: 'image' },
        ],
      }),
      signal(),
    );
    expect(calls.map((c) => c.path)).toEqual(['1001/photos', '1001/photos', '1001/feed']);
    expect(JSON.parse(calls[2]?.body.attached_media ?? '[]')).toEqual([
      { media_fbid: '901' },
      { media_fbid: '902' },
    ]);
    expect(album.externalId).toBe('1001_703');
  });

  it('maps Graph error codes: 190 revoked, 4 app-wide limit, 32 page limit, 2 transient, 100 invalid', async () => {
    const run = (c: object = creds) =>
      adapter().publish(publishRequest({ network: 'facebook', credentials: c }), signal());
    await expect(run({ ...creds, pageAccessToken: 'expired' })).rejects.toMatchObject({
      failure: { kind: 'auth_revoked', reason: expect.stringContaining('session has been invalidated') },
    });
    graphError = {
      status: 403,
      error: {
        message: '(#4) Application request limit reached',
        type: 'OAuthException',
        code: 4,
        is_transient: true,
      },
    };
    await expect(run()).rejects.toMatchObject({ failure: { kind: 'rate_limited', networkWide: true } });
    graphError = {
      status: 400,
      error: { message: '(#32) Page request limit reached', type: 'OAuthException', code: 32 },
    };
    await expect(run()).rejects.toMatchObject({ failure: { kind: 'rate_limited', networkWide: false } });
    graphError = {
      status: 500,
      error: {
        message: 'Service temporarily unavailable',
        type: 'OAuthException',
        code: 2,
        is_transient: true,
      },
    };
    await expect(run()).rejects.toMatchObject({ failure: { kind: 'transient' } });
    graphError = {
      status: 400,
      error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 },
    };
    await expect(run()).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining('Invalid parameter') },
    });
  });
});
