// Facebook Pages through the Graph API: text and links go to /{page-id}/feed, one photo to
// /{page-id}/photos (Meta fetches the URL itself), several photos are uploaded unpublished and
// attached to one feed post. The Graph API has no idempotency key, so an unclear outcome is left
// for a person.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { z } from 'zod';
import type { NetworkAdapter } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { type AdapterDeps, origin } from '../network-http/compose';
import { graphCall } from '../meta/graph';
import { FACEBOOK_GRAPH, GRAPH_VERSION, facebookCredentialsSchema } from './credentials';

const created = z.object({
  id: z.string().regex(/^[0-9_]{1,80}$/),
  post_id: z
    .string()
    .regex(/^[0-9_]{1,80}$/)
    .optional(),
});

export function createFacebookAdapter(deps: AdapterDeps): NetworkAdapter {
  const now = deps.clock ?? (() => new Date());
  const graph = `${origin(FACEBOOK_GRAPH, deps.baseUrl)}/${GRAPH_VERSION}`;
  return {
    network: 'facebook',
    capabilities: { canFindExisting: false, idempotentRetry: false },
    rateLimit: { perChannel: DEFAULT_SEND_LIMITS.facebook },
    async publish(request, signal) {
      const parsed = facebookCredentialsSchema.safeParse(request.credentials);
      if (!parsed.success)
        throw new NetworkError('auth_revoked', 'The Facebook channel has no valid page and token');
      const { pageId, pageAccessToken: token } = parsed.data;
      const call = async (
        path: string,
        form: Record<string, string | undefined>,
        what: string,
        kind: 'ambiguous' | 'transient',
      ) =>
        readAnswer(
          created,
          await graphCall(
            { method: 'POST', url: `${graph}/${path}`, form: { ...form, access_token: token } },
            deps.http,
            signal,
            now,
            'Facebook',
          ),
          what,
          kind,
        );
      const message = request.text || undefined;
      if (request.media.some((m) => m.kind === 'video')) {
        throw new NetworkError('permanent', 'Cadence does not publish videos to Facebook yet; use photos');
      }
      let postId: string;
      const [only] = request.media;
      if (request.media.length === 1 && only) {
        const photo = await call(
          `${pageId}/photos`,
          {
            url: only.url,
            caption: withLink(request.text, request.link),
            alt_text_custom: only.alt || undefined,
          },
          'Posting a photo to Facebook',
          'ambiguous',
        );
        postId = photo.post_id ?? photo.id;
      } else if (request.media.length > 1) {
        const ids = [];
        for (const ref of request.media.slice(0, 10)) {
          ids.push(
            (
              await call(
                `${pageId}/photos`,
                { url: ref.url, published: 'false', alt_text_custom: ref.alt || undefined },
                'Uploading a photo to Facebook',
                'transient',
              )
            ).id,
          );
        }
        const attached = JSON.stringify(ids.map((id) => ({ media_fbid: id })));
        postId = (
          await call(
            `${pageId}/feed`,
            { message: withLink(request.text, request.link), attached_media: attached },
            'Posting to Facebook',
            'ambiguous',
          )
        ).id;
      } else {
        postId = (
          await call(
            `${pageId}/feed`,
            { message, link: request.link ?? undefined },
            'Posting to Facebook',
            'ambiguous',
          )
        ).id;
      }
      return { externalId: postId, externalUrl: `https://www.facebook.com/${postId}` };
    },
  };
}

function withLink(text: string, link: string | null): string {
  return link && !text.includes(link) ? `${text}\n\n${link}`.trim() : text;
}
