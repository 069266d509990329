// X API v2's inbox endpoints as documented: GET /2/users/:id/mentions (max_results 5-100,
// pagination_token, since_id; newest first; users in includes.users with expansions=author_id;
// meta.next_token while older posts remain), GET /2/tweets/:id, POST /2/tweets with
// reply.in_reply_to_tweet_id (no idempotency key: every call posts), PUT /2/tweets/:id/hidden
// (only replies in a conversation the user started), POST /2/users/:id/likes and
// DELETE /2/users/:id/likes/:tweet_id (both answer the state; repeating changes nothing).
// Errors as X sends them: 401 problem, 403 "Client Forbidden" / client-not-enrolled for an app
// whose plan does not include the endpoint, 429 with x-rate-limit-reset (Unix seconds).
// Shared by the adapter's contract test and the publisher's sync test.
import { bearer, type FakeNetwork, startFakeNetwork } from './server';

export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  lang?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted'; id: string }[];
}

export interface XInboxFake {
  net: FakeNetwork;
  token: string;
  /** Our account. */
  userId: string;
  tweets: Map<string, FakeTweet>;
  users: Map<string, { id: string; username: string; name: string; profile_image_url: string }>;
  posted: { text: string; inReplyTo: string | null; id: string }[];
  hidden: Set<string>;
  liked: Set<string>;
  mode: {
    rateLimitedFor?: number;
    revoked?: boolean;
    /** The app's plan has no mentions (the Free tier): 403 client-not-enrolled on reads. */
    notEnrolled?: boolean;
    /** The next POST /2/tweets stores the post, then answers 503. */
    failAfterWrite?: boolean;
  };
  mentionCalls: number;
}

const numeric = (a: string, b: string) =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
const problem = (status: number, title: string, detail: string, extra: Record<string, string> = {}) => ({
  title,
  detail,
  type: 'about:blank',
  status,
  ...extra,
});

export async function startXInbox(token = 'x-user-token', userId = '1000'): Promise<XInboxFake> {
  const fake: XInboxFake = {
    net: undefined as unknown as FakeNetwork,
    token,
    userId,
    tweets: new Map(),
    users: new Map([[userId, { id: userId, username: 'cadence', name: 'Cadence', profile_image_url: '' }]]),
    posted: [],
    hidden: new Set(),
    liked: new Set(),
    mode: {},
    mentionCalls: 0,
  };
  const mentionsOfUs = () =>
    [...fake.tweets.values()]
      .filter(
        (t) =>
          t.text.includes(`@${fake.users.get(userId)?.username}`) ||
          t.referenced_tweets?.some((r) => fake.tweets.get(r.id)?.author_id === userId),
      )
      .sort((a, b) => numeric(b.id, a.id));
  fake.net = await startFakeNetwork((app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/2/')) return;
      if (fake.mode.revoked || bearer(request) !== fake.token)
        return reply.code(401).send(problem(401, 'Unauthorized', 'Unauthorized'));
      if (fake.mode.rateLimitedFor !== undefined)
        return reply
          .code(429)
          .header('x-rate-limit-reset', String(Math.floor(Date.now() / 1000) + fake.mode.rateLimitedFor))
          .send(problem(429, 'Too Many Requests', 'Too Many Requests'));
      if (fake.mode.notEnrolled && request.method === 'GET')
        return reply.code(403).send({
          client_id: '12345',
          detail:
            'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
          registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
          title: 'Client Forbidden',
          required_enrollment: 'Appropriate Level of API Access',
          reason: 'client-not-enrolled',
          type: 'https://api.twitter.com/2/problems/client-forbidden',
        });
    });
    app.get('/2/users/:id/mentions', async (request, reply) => {
      fake.mentionCalls++;
      const { id } = request.params as { id: string };
      const q = request.query as Record<string, string>;
      const max = Number(q.max_results ?? 10);
      if (id !== fake.userId) return reply.code(403).send(problem(403, 'Forbidden', 'Not your mentions'));
      if (!Number.isInteger(max) || max < 5 || max > 100)
        return reply.code(400).send(problem(400, 'Invalid Request', 'max_results must be 5 to 100'));
      const all = mentionsOfUs().filter((t) => !q.since_id || numeric(t.id, q.since_id) > 0);
      const start = q.pagination_token ? Number(Buffer.from(q.pagination_token, 'base64url').toString()) : 0;
      const data = all.slice(start, start + max);
      const next =
        start + max < all.length ? Buffer.from(String(start + max)).toString('base64url') : undefined;
      const authors = new Set(data.map((t) => t.author_id));
      return {
        ...(data.length ? { data } : {}),
        ...(data.length
          ? { includes: { users: [...authors].map((a) => fake.users.get(a)).filter(Boolean) } }
          : {}),
        meta: {
          result_count: data.length,
          ...(data.length ? { newest_id: data[0]?.id, oldest_id: data.at(-1)?.id } : {}),
          ...(next ? { next_token: next } : {}),
        },
      };
    });
    app.get('/2/tweets/:id', async (request, reply) => {
      const t = fake.tweets.get((request.params as { id: string }).id);
      if (!t) return reply.code(404).send(problem(404, 'Not Found Error', 'Could not find tweet'));
      return { data: t };
    });
    app.post('/2/tweets', async (request, reply) => {
      const body = request.body as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
      if (!body.text) return reply.code(400).send(problem(400, 'Invalid Request', 'text is required'));
      const parentId = body.reply?.in_reply_to_tweet_id ?? null;
      const parent = parentId ? fake.tweets.get(parentId) : undefined;
      if (parentId && !parent)
        return reply
          .code(403)
          .send(
            problem(
              403,
              'Forbidden',
              'You attempted to reply to a Tweet that is deleted or not visible to you.',
            ),
          );
      const id = String(9_000_000 + fake.posted.length);
      fake.posted.push({ text: body.text, inReplyTo: parentId, id });
      fake.tweets.set(id, {
        id,
        text: body.text,
        author_id: fake.userId,
        created_at: new Date().toISOString(),
        conversation_id: parent?.conversation_id ?? id,
        ...(parentId ? { referenced_tweets: [{ type: 'replied_to' as const, id: parentId }] } : {}),
      });
      if (fake.mode.failAfterWrite) {
        fake.mode.failAfterWrite = false;
        return reply.code(503).send(problem(503, 'Service Unavailable', 'Service Unavailable'));
      }
      return reply.code(201).send({ data: { id, text: body.text, edit_history_tweet_ids: [id] } });
    });
    app.put('/2/tweets/:id/hidden', async (request, reply) => {
      const t = fake.tweets.get((request.params as { id: string }).id);
      const started = t ? fake.tweets.get(t.conversation_id)?.author_id === fake.userId : false;
      if (!t || !started || t.id === t.conversation_id)
        return reply
          .code(403)
          .send(problem(403, 'Forbidden', 'You can only hide replies to your own conversations'));
      const { hidden } = request.body as { hidden: boolean };
      if (hidden) fake.hidden.add(t.id);
      else fake.hidden.delete(t.id);
      return { data: { hidden } };
    });
    app.post('/2/users/:id/likes', async (request, reply) => {
      const { tweet_id } = request.body as { tweet_id?: string };
      if (!tweet_id || !fake.tweets.has(tweet_id))
        return reply.code(400).send(problem(400, 'Invalid Request', 'tweet_id is not a post'));
      fake.liked.add(tweet_id);
      return { data: { liked: true } };
    });
    app.delete('/2/users/:id/likes/:tweetId', async (request) => {
      fake.liked.delete((request.params as { tweetId: string }).tweetId);
      return { data: { liked: false } };
    });
  });
  return fake;
}

/** Someone's post `minutesAgo` before `now`: a mention, or a reply / quote of `to`. */
export function addXPost(
  fake: XInboxFake,
  input: {
    id: number;
    minutesAgo: number;
    now: Date;
    text?: string;
    replyTo?: string;
    quotes?: string;
    author?: { id: string; username: string };
  },
): FakeTweet {
  const author = input.author ?? { id: '77', username: 'fan' };
  if (!fake.users.has(author.id))
    fake.users.set(author.id, {
      ...author,
      name: `A ${author.username}`,
      profile_image_url: `https://pbs.twimg.com/profile_images/${author.id}.jpg`,
    });
  const parent = input.replyTo ? fake.tweets.get(input.replyTo) : undefined;
  const id = String(input.id);
  const refs = [
    ...(input.replyTo ? [{ type: 'replied_to' as const, id: input.replyTo }] : []),
    ...(input.quotes ? [{ type: 'quoted' as const, id: input.quotes }] : []),
  ];
  const tweet: FakeTweet = {
    id,
    text: input.text ?? `@cadence hello number ${id}`,
    author_id: author.id,
    created_at: new Date(input.now.getTime() - input.minutesAgo * 60_000).toISOString(),
    conversation_id: parent?.conversation_id ?? id,
    lang: 'en',
    ...(refs.length ? { referenced_tweets: refs } : {}),
  };
  fake.tweets.set(id, tweet);
  return tweet;
}

/** One of our own posts (what the publisher made). */
export function addOurXPost(fake: XInboxFake, id: string, now: Date): FakeTweet {
  const tweet: FakeTweet = {
    id,
    text: 'Our launch post',
    author_id: fake.userId,
    created_at: new Date(now.getTime() - 9 * 24 * 3600_000).toISOString(),
    conversation_id: id,
  };
  fake.tweets.set(id, tweet);
  return tweet;
}
