// One video on a Bluesky post: the file goes up through com.atproto.repo.uploadBlob with its MIME
// type, streamed from storage as it is sent (never held whole), and the post embeds it as
// app.bsky.embed.video with its alt text and aspect ratio. The lexicon takes one MP4 of up to
// 100,000,000 bytes; the blob ref is remembered per target, briefly, as images' are.
import type { MediaRef } from '@cadence/db';
import { networkLimits } from '@cadence/domain/networks/limits';
import { z } from 'zod';
import type { PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import type { AdapterDeps } from '../network-http/compose';
import { expiresIn, uploadKey, uploadOnce } from '../network-http/library-media';
import { openMedia, PieceReader } from '../network-http/media-pieces';
import { aspectRatio, BLOB_LIFETIME_MS, blobRef, uploadAnswer } from './blob';
import type { BlueskySession } from './session';
import { xrpc } from './xrpc';

const VIDEO_MAX_BYTES = networkLimits('bluesky').media.videoMaxBytes ?? 100_000_000;
/** How much of the file is read from storage at a time while it is sent. */
const READ_BYTES = 256 * 1024;
/** A 100 MB upload on a slow line takes minutes; the call is bounded all the same. */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

const remembered = z.object({
  video: blobRef,
  aspectRatio: aspectRatio.optional(),
  expiresAt: z.string().optional(),
});

export interface VideoEmbed {
  $type: 'app.bsky.embed.video';
  video: z.infer<typeof blobRef>;
  alt?: string;
  aspectRatio?: z.infer<typeof aspectRatio>;
}

export async function videoEmbed(
  ref: MediaRef,
  input: { request: PublishRequest; session: BlueskySession },
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
): Promise<VideoEmbed> {
  const { remote } = await uploadOnce(
    deps.uploads,
    input.request.targetId,
    uploadKey('bluesky-video', 0, ref),
    remembered,
    async () => ({
      ...(await uploadVideo(ref, input, deps, signal, now)),
      expiresAt: expiresIn(now, BLOB_LIFETIME_MS),
    }),
    now,
  );
  return {
    $type: 'app.bsky.embed.video',
    video: remote.video,
    ...(ref.alt ? { alt: ref.alt } : {}),
    ...(remote.aspectRatio ? { aspectRatio: remote.aspectRatio } : {}),
  };
}

async function uploadVideo(
  ref: MediaRef,
  input: { request: PublishRequest; session: BlueskySession },
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
) {
  const source = await openMedia(ref, input.request, deps, signal, VIDEO_MAX_BYTES);
  if (source.mimeType !== 'video/mp4')
    throw new NetworkError('permanent', `Bluesky takes MP4 videos only, not ${source.mimeType}`);
  const reader = new PieceReader(await source.open(), source.bytes);
  const response = await xrpc(
    input.session.service,
    {
      method: 'POST',
      nsid: 'com.atproto.repo.uploadBlob',
      token: input.session.accessJwt,
      stream: { chunks: pieces(reader), length: source.bytes, contentType: source.mimeType },
    },
    { ...deps.http, timeoutMs: UPLOAD_TIMEOUT_MS },
    signal,
    now,
  ).finally(() => reader.close());
  const { blob } = readAnswer(uploadAnswer, response, 'Uploading a video to Bluesky', 'transient');
  // Clients size the player from the ratio before the video loads; known for library items.
  return source.width && source.height
    ? { video: blob, aspectRatio: { width: source.width, height: source.height } }
    : { video: blob };
}

/** The stored file as it is read, checked against its recorded size by the reader. */
async function* pieces(reader: PieceReader): AsyncIterable<Uint8Array> {
  for (;;) {
    const piece = await reader.take(READ_BYTES);
    if (piece.length === 0) return;
    yield piece;
  }
}
