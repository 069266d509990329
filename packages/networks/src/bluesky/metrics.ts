// Figures of a Bluesky post: app.bsky.feed.getPosts (through the channel's PDS, which proxies the
// call to the AppView) gives replyCount, repostCount, likeCount and quoteCount. A post the AppView
// no longer knows is missing from `posts`: gone. Followers: app.bsky.actor.getProfile.
import { z } from 'zod';
import type { PulledMetrics } from '@cadence/domain/reports/metrics/schemas';
import type { MetricsRequest } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import type { AdapterDeps } from '../network-http/compose';
import { assertSecureAtSend } from '../outgoing-url-policy';
import { withoutAbsent } from '../mastodon/metrics';
import { blueskyCredentialsSchema } from './credentials';
import type { sessionCache } from './session';
import { xrpc } from './xrpc';

const count = z.number().int().nonnegative().optional();
const postsAnswer = z.object({
  posts: z
    .array(
      z.object({
        uri: z.string(),
        replyCount: count,
        repostCount: count,
        likeCount: count,
        quoteCount: count,
      }),
    )
    .max(25),
});
const profile = z.object({ followersCount: z.number().int().nonnegative().optional() });

export function blueskyMetrics(deps: AdapterDeps, sessions: ReturnType<typeof sessionCache>) {
  const now = deps.clock ?? (() => new Date());
  const open = (credentials: unknown) => {
    const parsed = blueskyCredentialsSchema.safeParse(credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The Bluesky channel has no valid handle and app password');
    if (!deps.baseUrl) assertSecureAtSend(parsed.data.service, 'Bluesky PDS', deps.http);
    return { creds: parsed.data, service: deps.baseUrl ?? parsed.data.service };
  };
  return {
    async fetchMetrics(request: MetricsRequest, signal: AbortSignal): Promise<PulledMetrics | null> {
      const { creds, service } = open(request.credentials);
      return sessions.withSession(request.channelId, creds, service, signal, async (session) => {
        const response = await xrpc(
          session.service,
          {
            method: 'GET',
            nsid: 'app.bsky.feed.getPosts',
            query: { uris: request.externalId },
            token: session.accessJwt,
          },
          deps.http,
          signal,
          now,
        );
        const answer = readAnswer(postsAnswer, response, 'Reading a Bluesky post', 'transient');
        const post = answer.posts.find((p) => p.uri === request.externalId);
        if (!post) return null;
        return withoutAbsent({
          replies: post.replyCount,
          reposts: post.repostCount,
          likes: post.likeCount,
          quotes: post.quoteCount,
        });
      });
    },
    async fetchFollowers(request: Omit<MetricsRequest, 'externalId'>, signal: AbortSignal) {
      const { creds, service } = open(request.credentials);
      return sessions.withSession(request.channelId, creds, service, signal, async (session) => {
        const response = await xrpc(
          session.service,
          {
            method: 'GET',
            nsid: 'app.bsky.actor.getProfile',
            query: { actor: session.did },
            token: session.accessJwt,
          },
          deps.http,
          signal,
          now,
        );
        const answer = readAnswer(profile, response, 'Reading the Bluesky profile', 'transient');
        if (answer.followersCount === undefined)
          throw new NetworkError('permanent', 'Bluesky gave no follower count for this account');
        return answer.followersCount;
      });
    },
  };
}
