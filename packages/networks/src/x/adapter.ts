// X API v2: POST /2/tweets in OAuth 2.0 user context. Images go up first through the v2 media
// endpoint (POST /2/media/upload, then /2/media/metadata for alt text). X has no idempotency key,
// so an unclear outcome is left for a person. The first comment is a reply to the new post.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { z } from 'zod';
import type { NetworkAdapter, PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { type AdapterDeps, origin, textWithLink } from '../network-http/compose';
import { loadMedia } from '../network-http/library-media';
import { multipart } from '../network-http/media';
import { X_API, xCredentialsSchema } from './credentials';
import { xCall } from './http';

const created = z.object({ data: z.object({ id: z.string().regex(/^\d{1,30}$/) }) });
const uploaded = z.object({ data: z.object({ id: z.string().regex(/^\d{1,30}$/) }) });

async function uploadImages(
  api: string,
  token: string,
  request: PublishRequest,
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
) {
  const { media } = request;
  const { http } = deps;
  if (media.some((m) => m.kind === 'video'))
    throw new NetworkError('permanent', 'Cadence does not publish videos to X yet; use images');
  const ids: string[] = [];
  for (const [index, ref] of media.slice(0, 4).entries()) {
    const file = await loadMedia(ref, request, deps, signal, 5 * 1024 * 1024);
    const body = await multipart({
      media: { bytes: file.bytes, mimeType: file.mimeType, filename: `media-${index}` },
      media_category: ref.kind === 'gif' ? 'tweet_gif' : 'tweet_image',
    });
    const answer = await xCall(
      { method: 'POST', url: `${api}/2/media/upload`, body },
      token,
      { ...http, timeoutMs: 60_000 },
      signal,
      now,
    );
    const { id } = readAnswer(uploaded, answer, 'Uploading media to X', 'transient').data;
    if (ref.alt) {
      await xCall(
        {
          method: 'POST',
          url: `${api}/2/media/metadata`,
          json: { id, metadata: { alt_text: { text: ref.alt.slice(0, 1000) } } },
        },
        token,
        http,
        signal,
        now,
      );
    }
    ids.push(id);
  }
  return ids;
}

export function createXAdapter(deps: AdapterDeps): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  const api = origin(X_API, deps.baseUrl);
  return {
    network: 'x',
    capabilities: { canFindExisting: false, idempotentRetry: false },
    // 100 posts per 15 minutes per user on the API's basic tier.
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.x },
    async publish(request, signal) {
      const parsed = xCredentialsSchema.safeParse(request.credentials);
      if (!parsed.success) throw new NetworkError('auth_revoked', 'The X channel has no valid token');
      const { accessToken: token, username } = parsed.data;
      const mediaIds = await uploadImages(api, token, request, deps, signal, now);
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
