// What a Bluesky post carries besides text: up to four images uploaded as blobs with their alt
// text and aspect ratio (app.bsky.embed.images), or else a link card for the post's link
// (app.bsky.embed.external). Each blob ref is remembered per target before the post is made, so a
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
import type { BlueskySession } from './session';
import { xrpc } from './xrpc';

const blobRef = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string().min(1).max(200) }),
  mimeType: z.string().max(100),
  size: z.number().int().nonnegative(),
});
/** What one image of the embed needs besides its alt text; also what is remembered per target. */
const uploaded = z.object({
  image: blobRef,
  aspectRatio: z
    .object({ width: z.number().int().positive(), height: z.number().int().positive() })
    .optional(),
});
const uploadAnswer = z.object({ blob: blobRef });
const remembered = uploaded.extend({ expiresAt: z.string().optional() });

/** Taken from uploadBlob's "(eg, minutes)", on the short side: a lost blob fails the post. */
const BLOB_LIFETIME_MS = 15 * 60_000;

/** app.bsky.embed.images accepts images up to 1,000,000 bytes. */
const MAX_IMAGE_BYTES = 1_000_000;

type Image = z.infer<typeof uploaded> & { alt: string };
export type Embed =
  | { $type: 'app.bsky.embed.images'; images: Image[] }
  | { $type: 'app.bsky.embed.external'; external: { uri: string; title: string; description: string } };

export async function buildEmbed(
  input: { request: PublishRequest; session: BlueskySession },
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
): Promise<Embed | undefined> {
  const { media, link } = input.request;
  if (media.length > 0) {
    if (media.some((m) => m.kind === 'video')) {
      throw new NetworkError('permanent', 'Cadence does not publish videos to Bluesky yet; use images');
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
