// What a Bluesky post carries besides text: up to four images uploaded as blobs with their alt
// text and aspect ratio (app.bsky.embed.images), or one video alone (video.ts), or else a link
// card for the post's link (app.bsky.embed.external). Each blob ref is remembered per target before the post is made, so a
// retry reuses it, but only for a short while: uploadBlob's documentation says a blob nobody
// references is deleted after a time window of "minutes", so a blob is reused for 7.5 minutes.
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import type { PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import type { AdapterDeps } from '../network-http/compose';
import { expiresIn, loadMedia, uploadKey, uploadOnce } from '../network-http/library-media';
import { linkCard } from '../network-http/link-card';
import { aspectRatio, BLOB_LIFETIME_MS, blobRef, uploadAnswer } from './blob';
import type { BlueskySession } from './session';
import { type VideoEmbed, videoEmbed } from './video';
import { xrpc } from './xrpc';

/** What one image of the embed needs besides its alt text; also what is remembered per target. */
const uploaded = z.object({ image: blobRef, aspectRatio: aspectRatio.optional() });
const remembered = uploaded.extend({ expiresAt: z.string().optional() });

/** app.bsky.embed.images accepts images up to 1,000,000 bytes. */
const MAX_IMAGE_BYTES = 1_000_000;

type Image = z.infer<typeof uploaded> & { alt: string };
export type Embed =
  | { $type: 'app.bsky.embed.images'; images: Image[] }
  | VideoEmbed
  | { $type: 'app.bsky.embed.external'; external: { uri: string; title: string; description: string } };

export async function buildEmbed(
  input: { request: PublishRequest; session: BlueskySession },
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
): Promise<Embed | undefined> {
  const { media, link } = input.request;
  if (media.length > 0) {
    const [only] = media;
    if (media.some((m) => m.kind === 'video')) {
      // app.bsky.embed.video holds one video, and a post has one embed: no images beside it.
      if (media.length > 1 || !only)
        throw new NetworkError('permanent', 'Bluesky takes one video per post, without images');
      return videoEmbed(only, input, deps, signal, now);
    }
    const images: Image[] = [];
    for (const [index, ref] of media.slice(0, 4).entries()) {
      const { remote } = await uploadOnce(
        deps.uploads,
        input.request.targetId,
        uploadKey('bluesky', index, ref),
        remembered,
        async () => ({
          ...(await uploadImage(ref, input, deps, signal, now)),
          expiresAt: expiresIn(now, BLOB_LIFETIME_MS),
        }),
        now,
      );
      const { expiresAt: _kept, ...image } = remote;
      images.push({ ...image, alt: ref.alt });
    }
    return { $type: 'app.bsky.embed.images', images };
  }
  if (link) return { $type: 'app.bsky.embed.external', external: await linkCard(link, deps.http, signal) };
  return undefined;
}

async function uploadImage(
  ref: MediaRef,
  input: { request: PublishRequest; session: BlueskySession },
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
): Promise<z.infer<typeof uploaded>> {
  const file = await loadMedia(ref, input.request, deps, signal, MAX_IMAGE_BYTES);
  const response = await xrpc(
    input.session.service,
    {
      method: 'POST',
      nsid: 'com.atproto.repo.uploadBlob',
      token: input.session.accessJwt,
      body: { bytes: file.bytes, contentType: file.mimeType },
    },
    { ...deps.http, timeoutMs: 60_000 },
    signal,
    now,
  );
  const { blob } = readAnswer(uploadAnswer, response, 'Uploading an image to Bluesky', 'transient');
  // Clients lay the image out before loading it from the ratio; known for library items.
  return file.width && file.height
    ? { image: blob, aspectRatio: { width: file.width, height: file.height } }
    : { image: blob };
}
