// Bluesky: app.bsky.feed.post records created under a record key derived from the target id, so
// a retry can never make a second post: the key is looked up first (getRecord), and a second
// createRecord under a taken key is refused by the PDS. The first comment is a reply under its own
// derived key, which makes the whole entry (post + comment) safe to redo after any failure.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { z } from 'zod';
import type { NetworkAdapter, Published } from '../adapter';
import { NetworkError } from '../errors';
import { assertSecureAtSend } from '../outgoing-url-policy';
import { readAnswer } from '../network-http/call';
import type { AdapterDeps } from '../network-http/compose';
import { textWithLink } from '../network-http/compose';
import type { SafeHttpOptions } from '../safe-http';
import { blueskyCredentialsSchema } from './credentials';
import { blueskyHandles, buildFacets } from './facets';
import { buildEmbed } from './embed';
import { blueskyMetrics } from './metrics';
import { type BlueskySession, sessionCache } from './session';
import { deterministicTid } from './tid';
import { XrpcError, xrpc } from './xrpc';
import { createBlueskyInbox } from './inbox';

const POST = 'app.bsky.feed.post';
const strongRef = z.object({ uri: z.string().startsWith('at://').max(500), cid: z.string().min(1).max(200) });
const resolveAnswer = z.object({ did: z.string().startsWith('did:').max(200) });

export function createBlueskyAdapter(deps: AdapterDeps): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  const sessions = sessionCache({ http: deps.http, now });
  const http: SafeHttpOptions = deps.http;

  const open = (request: { credentials: unknown }) => {
    const parsed = blueskyCredentialsSchema.safeParse(request.credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The Bluesky channel has no valid handle and app password');
    // A local stand-in (NETWORK_BASE_URLS) is development; the stored PDS must be https otherwise.
    if (!deps.baseUrl) assertSecureAtSend(parsed.data.service, 'Bluesky PDS', http);
    return { creds: parsed.data, service: deps.baseUrl ?? parsed.data.service };
  };

  async function getRecord(session: BlueskySession, rkey: string, signal?: AbortSignal) {
    try {
      const response = await xrpc(
        session.service,
        {
          method: 'GET',
          nsid: 'com.atproto.repo.getRecord',
          query: { repo: session.did, collection: POST, rkey },
          token: session.accessJwt,
        },
        http,
        signal,
        now,
      );
      return readAnswer(strongRef, response, 'Reading a Bluesky post', 'transient');
    } catch (error) {
      if (error instanceof XrpcError && error.code === 'RecordNotFound') return null;
      throw error;
    }
  }

  async function resolveMentions(session: BlueskySession, text: string, signal: AbortSignal) {
    const dids = new Map<string, string>();
    for (const handle of new Set(blueskyHandles(text))) {
      try {
        const response = await xrpc(
          session.service,
          {
            method: 'GET',
            nsid: 'com.atproto.identity.resolveHandle',
            query: { handle },
            token: session.accessJwt,
          },
          http,
          signal,
          now,
        );
        dids.set(handle, readAnswer(resolveAnswer, response, 'Resolving a handle', 'transient').did);
      } catch (error) {
        // A handle that does not exist stays text; anything else (rate limit, outage) stops here.
        if (!(error instanceof XrpcError) || error.failure.kind !== 'permanent') throw error;
      }
    }
    return dids;
  }

  async function createPost(
    session: BlueskySession,
    rkey: string,
    record: Record<string, unknown>,
    signal: AbortSignal,
  ) {
    try {
      const response = await xrpc(
        session.service,
        {
          method: 'POST',
          nsid: 'com.atproto.repo.createRecord',
          token: session.accessJwt,
          json: { repo: session.did, collection: POST, rkey, record },
        },
        http,
        signal,
        now,
      );
      return readAnswer(strongRef, response, 'Posting to Bluesky');
    } catch (error) {
      // Another attempt got there first (the key is taken): that post is this target's post.
      if (error instanceof NetworkError && error.failure.kind === 'permanent') {
        const existing = await getRecord(session, rkey, signal);
        if (existing) return existing;
      }
      throw error;
    }
  }

  async function post(
    session: BlueskySession,
    rkey: string,
    text: string,
    extra: Record<string, unknown>,
    signal: AbortSignal,
  ) {
    const existing = await getRecord(session, rkey, signal);
    if (existing) return existing;
    const facets = buildFacets(text, await resolveMentions(session, text, signal));
    const record = {
      $type: POST,
      text,
      createdAt: now().toISOString(),
      ...(facets.length ? { facets } : {}),
      ...extra,
    };
    return createPost(session, rkey, record, signal);
  }

  const webUrl = (session: BlueskySession, rkey: string) =>
    `https://bsky.app/profile/${session.handle}/post/${rkey}`;

  const inbox = createBlueskyInbox({
    http,
    now,
    withSession: (call, signal, run) => {
      const { creds, service } = open(call);
      return sessions.withSession(call.channelId, creds, service, signal, run);
    },
    post,
    rkeyFor: deterministicTid,
  });

  return {
    ...blueskyMetrics(deps, sessions),
    network: 'bluesky',
    inbox,
    capabilities: { canFindExisting: true, idempotentRetry: true },
    // Bluesky's write budget is 5,000 points an hour per account (a post costs 3).
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.bluesky },
    async publish(request, signal): Promise<Published> {
      const { creds, service } = open(request);
      return sessions.withSession(request.channelId, creds, service, signal, async (session) => {
        const rkey = deterministicTid(request.targetId);
        const text = textWithLink(request.text, request.media.length > 0 ? request.link : null);
        let root = await getRecord(session, rkey, signal);
        if (!root) {
          const embed = await buildEmbed({ request, session }, deps, signal, now);
          root = await post(session, rkey, text, embed ? { embed } : {}, signal);
        }
        const published = { externalId: root.uri, externalUrl: webUrl(session, rkey) };
        if (!request.firstComment) return published;
        const ref = { uri: root.uri, cid: root.cid };
        try {
          await post(
            session,
            deterministicTid(`${request.targetId}:comment`),
            request.firstComment,
            { reply: { root: ref, parent: ref } },
            signal,
          );
          return published;
        } catch (error) {
          // Anything retryable is thrown: redoing the entry finds the post and adds only the reply.
          // A comment Bluesky refuses as it is would be refused again, so the post stands without it.
          if (!(error instanceof NetworkError) || error.failure.kind !== 'permanent') throw error;
          return { ...published, warnings: [`The first comment was not posted: ${error.message}`] };
        }
      });
    },
    async findExisting(request, signal) {
      const { creds, service } = open(request);
      return sessions.withSession(request.channelId, creds, service, signal, async (session) => {
        const rkey = deterministicTid(request.targetId);
        const found = await getRecord(session, rkey, signal);
        return found ? { externalId: found.uri, externalUrl: webUrl(session, rkey) } : null;
      });
    },
  };
}
