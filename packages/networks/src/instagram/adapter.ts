// Instagram professional accounts: POST /{ig-user-id}/media makes a container (Meta fetches the
// image or video from its URL), GET /{container}?fields=status_code until FINISHED, then
// POST /{ig-user-id}/media_publish. Several media make a carousel of child containers. Instagram
// needs at least one image or video (library items reach Meta as signed links from PUBLIC_URL), and
// has no idempotency key: an unclear outcome goes to a person. Containers are remembered per target.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { hostOf } from '@cadence/domain/publishing/external-url';
import type { MediaRef } from '@cadence/db';
import type { NetworkAdapter } from '../adapter';
import { NetworkError } from '../errors';
import { type AdapterDeps, origin, textWithLink } from '../network-http/compose';
import { fetchableUrl } from '../network-http/library-media';
import { aboutMedia as about, containerKey, containerSteps } from '../meta/containers';
import { readPermalink } from '../meta/graph';
import { INSTAGRAM_GRAPH, INSTAGRAM_VERSION, instagramCredentialsSchema } from './credentials';
import { createInstagramInbox } from './inbox';

export function createInstagramAdapter(deps: AdapterDeps & { pollIntervalMs?: number }): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  const graph = `${origin(INSTAGRAM_GRAPH, deps.baseUrl)}/${INSTAGRAM_VERSION}`;
  return {
    network: 'instagram',
    capabilities: { canFindExisting: false, idempotentRetry: false },
    // Instagram allows 100 API-published posts per account per 24 hours.
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.instagram },
    inbox: createInstagramInbox(deps),
    async publish(request, signal) {
      const parsed = instagramCredentialsSchema.safeParse(request.credentials);
      if (!parsed.success)
        throw new NetworkError('auth_revoked', 'The Instagram channel has no valid account and token');
      const { igUserId, accessToken: token } = parsed.data;
      if (request.media.length === 0)
        throw new NetworkError('permanent', 'Instagram posts need at least one image or video');
      const {
        publish,
        wait,
        container: once,
      } = containerSteps({
        graph,
        token,
        network: 'Instagram',
        statusField: 'status_code',
        pollIntervalMs: deps.pollIntervalMs,
        http: deps.http,
        signal,
        now,
        targetId: request.targetId,
        uploads: deps.uploads,
      });
      // A library item becomes a signed link made just before its container, so it is fresh when
      // Meta fetches it.
      const mediaFields = async (ref: MediaRef) => {
        const url = await fetchableUrl(ref, request, deps.library, 'instagram', 'Instagram');
        return ref.kind === 'video'
          ? { media_type: 'REELS', video_url: url }
          : { image_url: url, alt_text: ref.alt || undefined };
      };
      const caption = textWithLink(request.text, request.link);
      let container: string;
      const [only] = request.media;
      if (request.media.length === 1 && only) {
        container = await once(
          `${igUserId}/media`,
          containerKey('instagram', 'post', { ...about(only), caption }),
          async () => ({ ...(await mediaFields(only)), caption }),
          'Preparing the Instagram post',
        );
      } else {
        const children = [];
        for (const [index, ref] of request.media.slice(0, 10).entries()) {
          const child = await once(
            `${igUserId}/media`,
            containerKey('instagram', `item-${index}`, about(ref)),
            async () => ({
              ...(await mediaFields(ref)),
              is_carousel_item: 'true',
              ...(ref.kind === 'video' ? { media_type: 'VIDEO' } : {}),
            }),
            'Preparing an Instagram carousel item',
          );
          await wait(child);
          children.push(child);
        }
        const fields = { media_type: 'CAROUSEL', children: children.join(','), caption };
        container = await once(
          `${igUserId}/media`,
          containerKey('instagram', 'carousel', fields),
          async () => fields,
          'Preparing the Instagram carousel',
        );
      }
      const id = await publish(`${igUserId}/media_publish`, container, 'Publishing on Instagram');
      const link = await readPermalink(
        { graph, id, token, hosts: ['instagram.com', ...hostOf(deps.baseUrl)] },
        deps.http,
        signal,
        now,
        'Instagram',
      );
      return { externalId: id, externalUrl: link };
    },
  };
}
