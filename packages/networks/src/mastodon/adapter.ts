// Mastodon (any instance): POST /api/v1/statuses with an Idempotency-Key derived from the target,
// so a retry within the instance's window (about an hour) returns the first status instead of
// posting a second. The first comment is a reply with its own key, `${targetId}:comment`.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { hostOf, safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import type { NetworkAdapter, PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import { assertSecureAtSend } from '../outgoing-url-policy';
import { readAnswer } from '../network-http/call';
import { type AdapterDeps, textWithLink } from '../network-http/compose';
import { mastodonCredentialsSchema, mastodonOptionsSchema } from './credentials';
import { mastodonCall } from './http';
import { createMastodonInbox } from './inbox';
import { uploadMastodonMedia } from './media';
import { mastodonMetrics } from './metrics';

const status = z.object({
  id: z.string().min(1).max(100),
  url: z.string().nullable().optional(),
  uri: z.string().optional(),
});

export function createMastodonAdapter(deps: AdapterDeps & { pollIntervalMs?: number }): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  return {
    ...mastodonMetrics(deps),
    network: 'mastodon',
    inbox: createMastodonInbox(deps),
    capabilities: { canFindExisting: false, idempotentRetry: true },
    // Mastodon allows 300 calls per 5 minutes per account; media uploads 30 per 30 minutes.
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.mastodon },
    async publish(request: PublishRequest, signal) {
      const parsed = mastodonCredentialsSchema.safeParse(request.credentials);
      if (!parsed.success)
        throw new NetworkError('auth_revoked', 'The Mastodon channel has no valid instance and token');
      const options = mastodonOptionsSchema.safeParse(request.options);
      if (!options.success)
        throw new NetworkError('permanent', 'The Mastodon options on this post are not valid');
      // A local stand-in (NETWORK_BASE_URLS) is development; the stored instance must be https otherwise.
      if (!deps.baseUrl) assertSecureAtSend(parsed.data.instanceUrl, 'Mastodon instance', deps.http);
      const instanceUrl = deps.baseUrl ?? new URL(parsed.data.instanceUrl).origin;
      const token = parsed.data.accessToken;
      const mediaIds = await uploadMastodonMedia(
        { instanceUrl, token, request, pollIntervalMs: deps.pollIntervalMs ?? 1000 },
        deps,
        signal,
        now,
      );
      const { visibility, spoilerText, sensitive, language } = options.data;
      const post = async (text: string, key: string, inReplyToId?: string) =>
        readAnswer(
          status,
          await mastodonCall(
            {
              method: 'POST',
              url: `${instanceUrl}/api/v1/statuses`,
              headers: { 'idempotency-key': key },
              json: {
                status: text,
                visibility,
                ...(inReplyToId ? { in_reply_to_id: inReplyToId } : { media_ids: mediaIds }),
                ...(spoilerText && !inReplyToId ? { spoiler_text: spoilerText } : {}),
                ...(sensitive !== undefined ? { sensitive } : {}),
                ...(language ? { language } : {}),
              },
            },
            token,
            deps.http,
            signal,
            now,
          ),
          'Posting to Mastodon',
        );
      const main = await post(textWithLink(request.text, request.link), request.targetId);
      // The status lives on the instance Cadence posted to; a link elsewhere is not this post.
      const hosts = [...hostOf(parsed.data.instanceUrl), ...hostOf(deps.baseUrl)];
      const externalUrl = safeExternalUrl(main.url, hosts) ?? safeExternalUrl(main.uri, hosts);
      const published = { externalId: main.id, externalUrl };
      if (!request.firstComment) return published;
      try {
        await post(request.firstComment, `${request.targetId}:comment`, main.id);
        return published;
      } catch (error) {
        // The post is out; re-sending it after the idempotency window could duplicate it, so a
        // failed comment is reported with the published post rather than failing the target.
        const reason = error instanceof NetworkError ? error.message : String(error);
        return { ...published, warnings: [`The first comment was not posted: ${reason}`] };
      }
    },
  };
}
