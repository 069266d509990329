// Metrics pulls against stand-ins of the documented APIs: Mastodon's GET /api/v1/statuses/:id
// (replies_count, reblogs_count, favourites_count) and verify_credentials; Bluesky's
// app.bsky.feed.getPosts (replyCount, repostCount, likeCount, quoteCount) and app.bsky.actor.getProfile.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBlueskyAdapter } from '../src/bluesky/adapter';
import { createMastodonAdapter } from '../src/mastodon/adapter';
import { type FakeNetwork, bearer, startFakeNetwork } from '../src/testing/server';
import { failureOf, signal } from '../src/testing/publish-request';

const TOKEN = 'mastodon-user-token';
let net: FakeNetwork;
let rateLimited = false;
/** Bluesky posts the stand-in AppView knows, by at:// uri. */
const bskyPosts = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  net = await startFakeNetwork((app) => {
    app.addHook('onRequest', async (_request, reply) => {
      if (rateLimited)
        return reply.code(429).header('retry-after', '120').send({ error: 'Too many requests' });
    });
    app.get('/api/v1/statuses/:id', async (request, reply) => {
      // Mastodon refuses a token without read:statuses; Cadence's tokens have none.
      if (request.headers.authorization)
        return reply.code(403).send({ error: 'This action is outside the authorized scopes' });
      const { id } = request.params as { id: string };
      if (id === '404') return reply.code(404).send({ error: 'Record not found' });
      return { id, replies_count: 2, reblogs_count: 5, favourites_count: 11, content: '<p>Hi</p>' };
    });
    app.get('/api/v1/accounts/verify_credentials', async (request, reply) => {
      if (bearer(request) !== TOKEN) return reply.code(401).send({ error: 'The access token is invalid' });
      return { id: '1', username: 'me', followers_count: 1234 };
    });
    app.post('/xrpc/com.atproto.server.createSession', async () => ({
      accessJwt: 'access',
      refreshJwt: 'refresh',
      did: 'did:plc:alice',
      handle: 'alice.test',
    }));
    app.get('/xrpc/app.bsky.feed.getPosts', async (request, reply) => {
      if (bearer(request) !== 'access') return reply.code(401).send({ error: 'AuthenticationRequired' });
      const uris = ([] as string[]).concat((request.query as { uris: string | string[] }).uris);
      return { posts: uris.flatMap((uri) => (bskyPosts.has(uri) ? [{ uri, ...bskyPosts.get(uri) }] : [])) };
    });
    app.get('/xrpc/app.bsky.actor.getProfile', async (request) => {
      const { actor } = request.query as { actor: string };
      return { did: actor, handle: 'alice.test', followersCount: 42 };
    });
  });
});
afterAll(() => net.close());
beforeEach(() => {
  rateLimited = false;
  bskyPosts.clear();
  net.requests.length = 0;
});

const http = { allowPrivateNetworkUrls: true };
const mastodon = () => createMastodonAdapter({ http });
const bluesky = () => createBlueskyAdapter({ http });
const mastodonCreds = () => ({ instanceUrl: net.url, accessToken: TOKEN });
const blueskyCreds = () => ({
  service: net.url,
  identifier: 'alice.test',
  appPassword: 'aaaa-bbbb-cccc-dddd',
});

describe('Mastodon metrics', () => {
  it('reads replies, boosts and favourites without sending the token (no read:statuses scope)', async () => {
    const figures = await mastodon().fetchMetrics?.(
      { channelId: 'c1', externalId: '109', credentials: mastodonCreds() },
      signal(),
    );
    expect(figures).toEqual({ replies: 2, reposts: 5, likes: 11 });
    // Mastodon has no quotes in this API: absent, so reports say "not available", never 0.
    expect(figures).not.toHaveProperty('quotes');
    expect(net.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('answers null for a status that is gone (or private)', async () => {
    const figures = await mastodon().fetchMetrics?.(
      { channelId: 'c1', externalId: '404', credentials: mastodonCreds() },
      signal(),
    );
    expect(figures).toBeNull();
  });

  it('reports a rate limit with the time Mastodon asked to wait', async () => {
    rateLimited = true;
    const failure = await failureOf(
      mastodon().fetchMetrics?.(
        { channelId: 'c1', externalId: '1', credentials: mastodonCreds() },
        signal(),
      ) ?? Promise.resolve(),
    );
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000 });
  });

  it('reads the follower count with the channel token', async () => {
    expect(
      await mastodon().fetchFollowers?.({ channelId: 'c1', credentials: mastodonCreds() }, signal()),
    ).toBe(1234);
  });
});

describe('Bluesky metrics', () => {
  const uri = 'at://did:plc:alice/app.bsky.feed.post/3lk2abc';

  it('reads replies, reposts, likes and quotes through the PDS session', async () => {
    bskyPosts.set(uri, { replyCount: 1, repostCount: 0, likeCount: 3, quoteCount: 4 });
    const figures = await bluesky().fetchMetrics?.(
      { channelId: 'c2', externalId: uri, credentials: blueskyCreds() },
      signal(),
    );
    expect(figures).toEqual({ replies: 1, reposts: 0, likes: 3, quotes: 4 });
    const call = net.requests.find((r) => r.path === '/xrpc/app.bsky.feed.getPosts');
    expect(call?.query.uris).toBe(uri);
  });

  it('keeps a figure the AppView leaves out as absent, not zero', async () => {
    bskyPosts.set(uri, { likeCount: 7 });
    const figures = await bluesky().fetchMetrics?.(
      { channelId: 'c2', externalId: uri, credentials: blueskyCreds() },
      signal(),
    );
    expect(figures).toEqual({ likes: 7 });
  });

  it('answers null for a post the AppView no longer has', async () => {
    const figures = await bluesky().fetchMetrics?.(
      { channelId: 'c2', externalId: uri, credentials: blueskyCreds() },
      signal(),
    );
    expect(figures).toBeNull();
  });

  it('reads the follower count from the profile', async () => {
    expect(await bluesky().fetchFollowers?.({ channelId: 'c2', credentials: blueskyCreds() }, signal())).toBe(
      42,
    );
  });
});
