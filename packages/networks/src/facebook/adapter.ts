// Facebook Pages through the Graph API: text and links go to /{page-id}/feed, one photo to
// /{page-id}/photos and one video to /{page-id}/videos (Meta fetches the URL itself: a library
// item is lent as a signed link from PUBLIC_URL), several photos are uploaded unpublished and
// attached to one feed post. The Graph API has no idempotency key, so an unclear outcome is left
// for a person.
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import type { NetworkAdapter } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { type AdapterDeps, origin } from '../network-http/compose';
import { fetchableUrl, uploadKey, uploadOnce } from '../network-http/library-media';
import { graphCall } from '../meta/graph';
import { FACEBOOK_GRAPH, GRAPH_VERSION, facebookCredentialsSchema } from './credentials';
import { createFacebookInbox } from './inbox';

/** What is remembered per target: the id of an unpublished photo, or of the posted video. */
const graphId = z.object({ id: z.string().regex(/^[0-9_]{1,80}$/) });

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
    inbox: createFacebookInbox(deps),
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
      const url = (ref: MediaRef) => fetchableUrl(ref, request, deps.library, 'facebook', 'Facebook');
      let postId: string;
      const [only] = request.media;
      if (request.media.some((m) => m.kind === 'video')) {
        // A Page video is its own post: Meta takes one video, not mixed with photos.
        if (request.media.length > 1 || !only)
          throw new NetworkError('permanent', 'Facebook takes one video per post, without photos');
        // The video is the post: its id is remembered the moment Meta gives it, so a retry after
        // that (the publisher stopped before recording the result) does not post it twice.
        const { remote } = await uploadOnce(
          deps.uploads,
          request.targetId,
          uploadKey('facebook-video', 0, only),
          graphId,
          async () => ({
            id: (
              await call(
                `${pageId}/videos`,
                { file_url: await url(only), description: withLink(request.text, request.link) || undefined },
                'Posting a video to Facebook',
                'ambiguous',
              )
            ).id,
          }),
        );
        postId = remote.id;
      } else if (request.media.length === 1 && only) {
        const photo = await call(
          `${pageId}/photos`,
          {
            url: await url(only),
            caption: withLink(request.text, request.link),
            alt_text_custom: only.alt || undefined,
          },
          'Posting a photo to Facebook',
          'ambiguous',
        );
        postId = photo.post_id ?? photo.id;
      } else if (request.media.length > 1) {
        const ids = [];
        for (const [index, ref] of request.media.slice(0, 10).entries()) {
          // Unpublished photos are uploads: a retry attaches the ones Meta already holds.
          const { remote } = await uploadOnce(
            deps.uploads,
            request.targetId,
            uploadKey('facebook', index, ref),
            graphId,
            async () => ({
              id: (
                await call(
                  `${pageId}/photos`,
                  { url: await url(ref), published: 'false', alt_text_custom: ref.alt || undefined },
                  'Uploading a photo to Facebook',
                  'transient',
                )
              ).id,
            }),
          );
          ids.push(remote.id);
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
