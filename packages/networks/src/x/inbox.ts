// X's inbox (API v2, OAuth 2.0 user context). Read: GET /2/users/:id/mentions, newest first, paged
// with pagination_token and cut with since_id; replies and quotes of our posts mention us too, so
// referenced_tweets says which is which (replied_to: a reply, quoted: a quote) and conversation_id
// names the thread's first post. Reading mentions needs a paid API plan (Basic or above): the
// plan refusal becomes InboxUnavailableError, not a retry. Reply: POST /2/tweets with
// reply.in_reply_to_tweet_id; X has no idempotency key, so the call is `unrepeatable` and the reply
// ledger never sends it twice (replyRetrySafe: false). Like: POST /2/users/:id/likes (liking twice
// is a no-op), undone with DELETE /2/users/:id/likes/:tweet_id. Hide: PUT /2/tweets/:id/hidden,
// allowed only on replies in conversations our account started.
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { compareNumericIds } from '../inbox/html-text';
import type { FetchedInboxItem, InboxCall, InboxReplied, NotificationsInbox } from '../inbox/types';
import { readAnswer, withQuery } from '../network-http/call';
import { type AdapterDeps, origin } from '../network-http/compose';
import { X_API, X_WWW, xCredentialsSchema } from './credentials';
import { xCall, xReadCall } from './http';

/** X answers 5 to 100 posts a page. */
const PAGE = 100;
const id = z.string().regex(/^\d{1,30}$/);
const tweet = z.object({
  id,
  text: z.string().max(100_000),
  author_id: id.optional(),
  created_at: z.string().max(100),
  conversation_id: id.optional(),
  lang: z.string().max(20).optional(),
  referenced_tweets: z
    .array(z.object({ type: z.string().max(50), id }))
    .max(10)
    .optional(),
});
const user = z.object({
  id,
  username: z.string().min(1).max(50),
  name: z.string().max(400).optional(),
  profile_image_url: z.string().max(2000).optional(),
});
const mentions = z.object({
  data: z.array(z.unknown()).max(500).optional(),
  includes: z.object({ users: z.array(z.unknown()).max(1000).optional() }).optional(),
  meta: z.object({ next_token: z.string().max(500).optional() }).optional(),
});
const posted = z.object({ data: z.object({ id }) });

export function createXInbox(deps: AdapterDeps): NotificationsInbox {
  const now = deps.clock ?? (() => new Date());
  const api = origin(X_API, deps.baseUrl);
  const open = (call: InboxCall) => {
    const parsed = xCredentialsSchema.safeParse(call.credentials);
    if (!parsed.success) throw new NetworkError('auth_revoked', 'The X channel has no valid token');
    return parsed.data;
  };
  const userCall = async (
    request: InboxCall,
    method: 'POST' | 'DELETE',
    path: string,
    json: unknown,
    what: string,
    signal: AbortSignal,
  ) => {
    const { accessToken, userId } = open(request);
    readAnswer(
      z.object({ data: z.object({ liked: z.boolean() }) }),
      await xCall(
        { method, url: `${api}/2/users/${userId}${path}`, ...(json ? { json } : {}) },
        accessToken,
        deps.http,
        signal,
        now,
      ),
      what,
      // Liking and unliking set a state: an unreadable answer is retried.
      'transient',
    );
  };

  return {
    network: 'x',
    comparePositions: compareNumericIds,
    replyRetrySafe: false,
    async listPage(call, signal) {
      const { accessToken, userId } = open(call);
      const url = withQuery(`${api}/2/users/${userId}/mentions`, {
        max_results: String(PAGE),
        'tweet.fields': 'created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,author_id',
        expansions: 'author_id',
        'user.fields': 'username,name,profile_image_url',
        pagination_token: call.page ?? undefined,
        since_id: call.after ?? undefined,
      });
      const answer = readAnswer(
        mentions,
        await xReadCall({ method: 'GET', url }, accessToken, deps.http, signal, now),
        'Reading X mentions',
        'transient',
      );
      const users = new Map<string, z.infer<typeof user>>();
      for (const raw of answer.includes?.users ?? []) {
        const parsed = user.safeParse(raw);
        if (parsed.success) users.set(parsed.data.id, parsed.data);
      }
      const items: FetchedInboxItem[] = [];
      let newest: string | null = null;
      let oldest: { position: string; at: Date } | null = null;
      for (const raw of answer.data ?? []) {
        const parsed = tweet.safeParse(raw);
        if (!parsed.success) continue;
        const t = parsed.data;
        const createdAt = new Date(t.created_at);
        if (Number.isNaN(createdAt.getTime())) continue;
        if (newest === null || compareNumericIds(t.id, newest) > 0) newest = t.id;
        if (oldest === null || compareNumericIds(t.id, oldest.position) < 0)
          oldest = { position: t.id, at: createdAt };
        const author = t.author_id ? users.get(t.author_id) : undefined;
        // Our own posts that name our account (a thread of ours) are not someone talking to us.
        if (!author || t.author_id === userId) continue;
        const repliedTo = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
        const quoted = t.referenced_tweets?.some((r) => r.type === 'quoted') ?? false;
        items.push({
          externalId: t.id,
          kind: repliedTo ? 'reply' : quoted ? 'quote' : 'mention',
          authorHandle: author.username,
          authorName: author.name || null,
          authorAvatarUrl: safeExternalUrl(author.profile_image_url),
          text: t.text,
          language: t.lang && t.lang !== 'und' ? t.lang : null,
          createdAt,
          link: safeExternalUrl(`${X_WWW}/${encodeURIComponent(author.username)}/status/${t.id}`),
          parentExternalId: repliedTo,
          threadRootExternalId: t.conversation_id ?? (repliedTo ? null : t.id),
          replyRef: {},
          position: t.id,
        });
      }
      const next = (answer.data?.length ?? 0) > 0 ? (answer.meta?.next_token ?? null) : null;
      return { items, next, newest, oldest };
    },
    async threadRoot(call, signal) {
      const { accessToken } = open(call);
      const url = withQuery(`${api}/2/tweets/${call.externalId}`, { 'tweet.fields': 'conversation_id' });
      const answer = readAnswer(
        z.object({ data: z.object({ conversation_id: id.optional() }) }),
        await xReadCall({ method: 'GET', url }, accessToken, deps.http, signal, now),
        'Reading an X conversation',
        'transient',
      );
      return answer.data.conversation_id ?? call.externalId;
    },
    async reply(request, signal): Promise<InboxReplied> {
      const { accessToken, username } = open(request);
      const answer = readAnswer(
        posted,
        await xCall(
          {
            method: 'POST',
            url: `${api}/2/tweets`,
            json: { text: request.text, reply: { in_reply_to_tweet_id: request.parent.externalId } },
          },
          accessToken,
          deps.http,
          signal,
          now,
          true,
        ),
        'Replying on X',
      );
      return {
        externalId: answer.data.id,
        externalUrl: `${X_WWW}/${encodeURIComponent(username)}/status/${answer.data.id}`,
      };
    },
    async like(request, signal) {
      await userCall(
        request,
        'POST',
        '/likes',
        { tweet_id: request.target.externalId },
        'Liking on X',
        signal,
      );
      return { likeExternalId: request.target.externalId };
    },
    async unlike(request, signal) {
      const path = `/likes/${encodeURIComponent(request.likeExternalId)}`;
      await userCall(request, 'DELETE', path, undefined, 'Taking a like back on X', signal);
    },
    async hide(request, signal) {
      const { accessToken } = open(request);
      readAnswer(
        z.object({ data: z.object({ hidden: z.boolean() }) }),
        await xCall(
          {
            method: 'PUT',
            url: `${api}/2/tweets/${encodeURIComponent(request.target.externalId)}/hidden`,
            json: { hidden: request.hidden },
          },
          accessToken,
          deps.http,
          signal,
          now,
        ),
        'Hiding a reply on X',
        'transient',
      );
    },
  };
}
