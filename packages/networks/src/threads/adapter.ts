// Threads: POST /{user-id}/threads makes a container (TEXT, IMAGE, VIDEO or CAROUSEL), Meta
// processes it (status FINISHED), then POST /{user-id}/threads_publish. No idempotency key: an
// unclear outcome goes to a person. Containers are remembered per target (meta/containers.ts).
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { hostOf } from '@cadence/domain/publishing/external-url';
import type { MediaRef } from '@cadence/db';
import type { NetworkAdapter } from '../adapter';
import { NetworkError } from '../errors';
import { type AdapterDeps, origin, textWithLink } from '../network-http/compose';
import { fetchableUrl } from '../network-http/library-media';
import { aboutMedia as about, containerKey, containerSteps } from '../meta/containers';
import { readPermalink } from '../meta/graph';
import { THREADS_GRAPH, THREADS_VERSION, threadsCredentialsSchema } from './credentials';
import { createThreadsInbox } from './inbox';

export function createThreadsAdapter(deps: AdapterDeps & { pollIntervalMs?: number }): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  const graph = `${origin(THREADS_GRAPH, deps.baseUrl)}/${THREADS_VERSION}`;
  return {
    network: 'threads',
    capabilities: { canFindExisting: false, idempotentRetry: false },
    // Threads allows 250 API-published posts per profile per 24 hours.
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.threads },
    inbox: createThreadsInbox(deps),
    async publish(request, signal) {
      const parsed = threadsCredentialsSchema.safeParse(request.credentials);
      if (!parsed.success)
        throw new NetworkError('auth_revoked', 'The Threads channel has no valid profile and token');
      const { userId, accessToken: token } = parsed.data;
      const {
        publish,
        wait,
        container: once,
      } = containerSteps({
        graph,
        token,
        network: 'Threads',
        statusField: 'status',
        pollIntervalMs: deps.pollIntervalMs,
        http: deps.http,
        signal,
        now,
        targetId: request.targetId,
        uploads: deps.uploads,
      });
      // A library item becomes a signed link made just before its container (PUBLIC_URL).
      const mediaFields = async (ref: MediaRef) => {
        const url = await fetchableUrl(ref, request, deps.library, 'threads', 'Threads');
        return ref.kind === 'video'
          ? { media_type: 'VIDEO', video_url: url }
          : { media_type: 'IMAGE', image_url: url, alt_text: ref.alt || undefined };
      };
      const text = textWithLink(request.text, request.link);
      if (!text && request.media.length === 0)
        throw new NetworkError('permanent', 'A Threads post needs text or media');
      const path = `${userId}/threads`;
      let container: string;
      const [only] = request.media;
      if (request.media.length === 0) {
        const fields = { media_type: 'TEXT', text };
        container = await once(
          path,
          containerKey('threads', 'post', fields),
          async () => fields,
          'Preparing the Threads post',
        );
      } else if (request.media.length === 1 && only) {
        container = await once(
          path,
          containerKey('threads', 'post', { ...about(only), text }),
          async () => ({ ...(await mediaFields(only)), text }),
          'Preparing the Threads post',
        );
      } else {
        const children = [];
        for (const [index, ref] of request.media.slice(0, 20).entries()) {
          children.push(
            await once(
              path,
              containerKey('threads', `item-${index}`, about(ref)),
              async () => ({ ...(await mediaFields(ref)), is_carousel_item: 'true' }),
              'Preparing a Threads carousel item',
            ),
          );
        }
        for (const child of children) await wait(child);
        const fields = { media_type: 'CAROUSEL', children: children.join(','), text };
        container = await once(
          path,
          containerKey('threads', 'carousel', fields),
          async () => fields,
          'Preparing the Threads carousel',
        );
      }
      const id = await publish(`${userId}/threads_publish`, container, 'Publishing on Threads');
      const link = await readPermalink(
        { graph, id, token, hosts: ['threads.net', 'threads.com', ...hostOf(deps.baseUrl)] },
        deps.http,
        signal,
        now,
        'Threads',
      );
      return { externalId: id, externalUrl: link };
    },
  };
}
