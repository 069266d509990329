// Facebook Pages: Facebook Login (code + PKCE, GET token endpoint), the long-lived token exchange,
// the page token from /me/accounts, posting to /{page}/feed, /{page}/photos and /{page}/videos
// (the stand-in fetches media URLs as Meta does), library media through signed links, Graph error codes,
// and revocation with DELETE /me/permissions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookAdapter } from '../src/facebook/adapter';
import { facebookOAuth } from '../src/facebook/oauth';
import { fakeLibrary, LIBRARY_ITEM, libraryRef, memoryUploads } from '../src/testing/library';
import { connect } from '../src/testing/oauth-flow';
import { type OAuthServerState, oauthServer } from '../src/testing/oauth-server';
import { publishRequest, signal } from '../src/testing/publish-request';
import {
  type FakeNetwork,
  type Fetched,
  fetchMediaUrl,
  mediaRoutes,
  startFakeNetwork,
} from '../src/testing/server';

let net: FakeNetwork;
let oauth: OAuthServerState;
type GraphFailure = { status: number; error: Record<string, unknown> };
let graphError: GraphFailure | null = null;
let graphErrorFor: (edge: string) => GraphFailure | null = () => null;
const VIDEO_ITEM = '5d1c7a3e-8b2f-4e6a-9c1d-2f3e4a5b6c7d';
const fakeLibraryItem = (mimeType: string) => ({
  workspaceId: 'ws-1',
  file: { bytes: Buffer.alloc(10), mimeType, width: 100, height: 100 },
});
const client = { clientId: 'fb-app', clientSecret: 'fb-secret' };
const PAGE_TOKEN = 'page-token-1';
const calls: { path: string; body: Record<string, string> }[] = [];
const fetched: Fetched[] = [];
let revoked = false;

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    mediaRoutes(app);
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
      const failure = graphError ?? graphErrorFor(edge);
      if (failure) return reply.code(failure.status).send({ error: failure.error });
      // Meta fetches a photo's url or a video's file_url itself before it answers.
      const media = body.url ?? body.file_url;
      if (media) {
        const got = await fetchMediaUrl(media, edge === 'videos' ? 'video' : 'image');
        fetched.push(got);
        if (!got.ok)
          return reply.code(400).send({ error: { message: 'Missing or invalid image file', code: 324 } });
      }
      calls.push({ path: `${page}/${edge}`, body });
      const id = String(calls.length);
      if (edge === 'videos') return { id: `60${id}` };
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
  fetched.length = 0;
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
      'pages_show_list,pages_manage_posts,pages_read_engagement,pages_manage_engagement',
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
        media: [{ url: `${net.url}/image.png`, alt: 'A', kind: 'image' }],
      }),
      signal(),
    );
    expect(photo.externalId).toBe('1001_801');
    expect(calls[0]).toMatchObject({
      path: '1001/photos',
      body: { url: `${net.url}/image.png`, caption: 'Hello from Cadence', alt_text_custom: 'A' },
    });
    calls.length = 0;
    const album = await adapter().publish(
      publishRequest({
        network: 'facebook',
        credentials: creds,
        media: [
          { url: `${net.url}/image.png`, alt: '', kind: 'image' },
          { url: `${net.url}/image.png`, alt: '', kind: 'image' },
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

  it('lends library media as signed links the stand-in fetches: one photo, one video, an album uploaded once', async () => {
    const library = fakeLibrary(
      {
        [LIBRARY_ITEM]: fakeLibraryItem('image/png'),
        [VIDEO_ITEM]: fakeLibraryItem('video/mp4'),
      },
      (id) => `${net.url}/${id === VIDEO_ITEM ? 'clip.mp4' : 'image.png'}?item=${id}`,
    );
    const uploads = memoryUploads();
    const withLibrary = createFacebookAdapter({
      http: { allowPrivateNetworkUrls: true },
      baseUrl: net.url,
      library,
      uploads,
    });
    await withLibrary.publish(
      publishRequest({ network: 'facebook', credentials: creds, media: [libraryRef('Loaves')] }),
      signal(),
    );
    expect(calls[0]).toMatchObject({
      path: '1001/photos',
      body: { url: `${net.url}/image.png?item=${LIBRARY_ITEM}`, alt_text_custom: 'Loaves' },
    });
    const video = {
      url: `/api/v1/workspaces/ws-1/media/${VIDEO_ITEM}/content`,
      alt: '',
      kind: 'video' as const,
      mediaId: VIDEO_ITEM,
    };
    const posted = await withLibrary.publish(
      publishRequest({ network: 'facebook', credentials: creds, text: 'Oven', media: [video] }),
      signal(),
    );
    expect(calls[1]).toMatchObject({
      path: '1001/videos',
      body: { file_url: `${net.url}/clip.mp4?item=${VIDEO_ITEM}`, description: 'Oven' },
    });
    expect(posted.externalId).toBe('602');
    expect(fetched.map((f) => [f.contentType, f.ok])).toEqual([
      ['image/png', true],
      ['video/mp4', true],
    ]);
    await expect(
      withLibrary.publish(
        publishRequest({ network: 'facebook', credentials: creds, media: [video, libraryRef('')] }),
        signal(),
      ),
    ).rejects.toMatchObject({ failure: { kind: 'permanent', reason: expect.stringContaining('one video') } });

    // An album whose feed post fails: the retry attaches the photos Meta already holds.
    calls.length = 0;
    const album = publishRequest({
      network: 'facebook',
      credentials: creds,
      media: [libraryRef('A'), { ...libraryRef('B'), url: `${net.url}/image.png`, mediaId: undefined }],
    });
    let feedFails = true;
    graphErrorFor = (edge) =>
      edge === 'feed' && feedFails ? { status: 500, error: { message: 'Oops', code: 2 } } : null;
    await expect(withLibrary.publish(album, signal())).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
    feedFails = false;
    await withLibrary.publish(album, signal());
    expect(calls.map((c) => c.path)).toEqual(['1001/photos', '1001/photos', '1001/feed']);
    graphErrorFor = () => null;
  });

  it('posts a library video once per target: a retry reuses the video id; a refused video is a clear failure', async () => {
    const library = fakeLibrary(
      { [VIDEO_ITEM]: fakeLibraryItem('video/mp4') },
      (id) => `${net.url}/clip.mp4?item=${id}`,
    );
    const withLibrary = createFacebookAdapter({
      http: { allowPrivateNetworkUrls: true },
      baseUrl: net.url,
      library,
      uploads: memoryUploads(),
    });
    const video = { url: '/v', alt: 'Bread rising', kind: 'video' as const, mediaId: VIDEO_ITEM };
    const request = publishRequest({
      network: 'facebook',
      credentials: creds,
      targetId: 't-video',
      text: 'Fresh loaves',
      media: [video],
    });
    const first = await withLibrary.publish(request, signal());
    // The publisher stopped before recording the result: the retry must not post the video again.
    const again = await withLibrary.publish(request, signal());
    expect(calls.map((c) => c.path)).toEqual(['1001/videos']);
    expect(calls[0]?.body).toMatchObject({ description: 'Fresh loaves' });
    expect(again).toEqual(first);
    expect(first.externalUrl).toBe(`https://www.facebook.com/${first.externalId}`);

    graphErrorFor = (edge) =>
      edge === 'videos'
        ? {
            status: 400,
            error: {
              message: "(#352) Sorry, the video file you selected is in a format that we don't support.",
              type: 'OAuthException',
              code: 352,
            },
          }
        : null;
    await expect(
      withLibrary.publish({ ...request, targetId: 't-video-refused' }, signal()),
    ).rejects.toMatchObject({
      failure: { kind: 'permanent', reason: expect.stringContaining("format that we don't support") },
    });
    graphErrorFor = () => null;
    expect(calls).toHaveLength(1);
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
