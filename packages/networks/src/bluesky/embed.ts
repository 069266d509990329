// What a Bluesky post carries besides text: up to four images uploaded as blobs with their alt
// text (app.bsky.embed.images), or else a link card for the post's link (app.bsky.embed.external).
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { linkCard } from '../network-http/link-card';
import { downloadMedia } from '../network-http/media';
import type { SafeHttpOptions } from '../safe-http';
import type { BlueskySession } from './session';
import { xrpc } from './xrpc';

const blobRef = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string().min(1).max(200) }),
  mimeType: z.string().max(100),
  size: z.number().int().nonnegative(),
});
const uploadAnswer = z.object({ blob: blobRef });

/** app.bsky.embed.images accepts images up to 1,000,000 bytes. */
const MAX_IMAGE_BYTES = 1_000_000;

export type Embed =
  | { $type: 'app.bsky.embed.images'; images: { image: z.infer<typeof blobRef>; alt: string }[] }
  | { $type: 'app.bsky.embed.external'; external: { uri: string; title: string; description: string } };

export async function buildEmbed(
  input: { media: MediaRef[]; link: string | null; session: BlueskySession },
  http: SafeHttpOptions,
  signal: AbortSignal,
  now: () => Date,
): Promise<Embed | undefined> {
  if (input.media.length > 0) {
    if (input.media.some((m) => m.kind === 'video')) {
      throw new NetworkError('permanent', 'Cadence does not publish videos to Bluesky yet; use images');
    }
    const images = [];
    for (const ref of input.media.slice(0, 4)) {
      const file = await downloadMedia(ref, http, signal, MAX_IMAGE_BYTES);
      const response = await xrpc(
        input.session.service,
        {
          method: 'POST',
          nsid: 'com.atproto.repo.uploadBlob',
          token: input.session.accessJwt,
          body: { bytes: file.bytes, contentType: file.mimeType },
        },
        { ...http, timeoutMs: 60_000 },
        signal,
        now,
      );
      images.push({
        image: readAnswer(uploadAnswer, response, 'Uploading an image to Bluesky', 'transient').blob,
        alt: ref.alt,
      });
    }
    return { $type: 'app.bsky.embed.images', images };
  }
  if (input.link)
    return { $type: 'app.bsky.embed.external', external: await linkCard(input.link, http, signal) };
  return undefined;
}
