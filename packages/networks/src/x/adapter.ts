// X API v2: POST /2/tweets in OAuth 2.0 user context. Media go up first (media.ts: images in one
// call, videos in pieces, alt text through /2/media/metadata). X has no idempotency key,
// so an unclear outcome is left for a person. The first comment is a reply to the new post.
// The inbox side (mentions, replies, likes, hiding) is inbox.ts.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { z } from 'zod';
import type { NetworkAdapter } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { type AdapterDeps, origin, textWithLink } from '../network-http/compose';
import { X_API, xCredentialsSchema } from './credentials';
import { xCall } from './http';
import { createXInbox } from './inbox';
import { uploadXMedia, type XMediaContext } from './media';

const created = z.object({ data: z.object({ id: z.string().regex(/^\d{1,30}$/) }) });
export function createXAdapter(
  deps: AdapterDeps & Pick<XMediaContext['deps'], 'pieceBytes' | 'pollIntervalMs'>,
): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  const api = origin(X_API, deps.baseUrl);
  return {
    network: 'x',
    inbox: createXInbox(deps),
    capabilities: { canFindExisting: false, idempotentRetry: false },
    // 100 posts per 15 minutes per user on the API's basic tier.
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.x },
    async publish(request, signal) {
      const parsed = xCredentialsSchema.safeParse(request.credentials);
      if (!parsed.success) throw new NetworkError('auth_revoked', 'The X channel has no valid token');
      const { accessToken: token, username } = parsed.data;
      const mediaIds = await uploadXMedia({ api, token, request, deps, signal, now });
      const tweet = async (text: string, extra: Record<string, unknown>) =>
        readAnswer(
          created,
          await xCall(
            { method: 'POST', url: `${api}/2/tweets`, json: { text, ...extra } },
            token,
            deps.http,
            signal,
            now,
          ),
          'Posting to X',
        ).data.id;
      const id = await tweet(
        textWithLink(request.text, request.link),
        mediaIds.length ? { media: { media_ids: mediaIds } } : {},
      );
      const published = { externalId: id, externalUrl: `https://x.com/${username}/status/${id}` };
      if (!request.firstComment) return published;
      try {
        await tweet(request.firstComment, { reply: { in_reply_to_tweet_id: id } });
        return published;
      } catch (error) {
        const reason = error instanceof NetworkError ? error.message : String(error);
        return { ...published, warnings: [`The first comment was not posted: ${reason}`] };
      }
    },
  };
}
