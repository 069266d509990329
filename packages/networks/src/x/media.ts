// X media through the v2 endpoints. Images and GIFs: one POST /2/media/upload. Videos: the chunked
// flow, POST /2/media/upload/initialize (type, total size, category), /{id}/append for each
// piece of at most 5 MB (segment_index 0 to 999), /{id}/finalize, then GET /2/media/upload?
// command=STATUS while processing_info says pending or in_progress, until succeeded or failed.
// Each media id is remembered per target until X's expires_after_secs, so a retry reuses it.
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import type { PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer, withQuery } from '../network-http/call';
import { type AdapterDeps, pause } from '../network-http/compose';
import { expiresIn, loadMedia, uploadKey, uploadOnce } from '../network-http/library-media';
import { multipart } from '../network-http/media';
import { openMedia, PieceReader } from '../network-http/media-pieces';
import { xCall } from './http';

const MEDIA_ID = z.string().regex(/^\d{1,30}$/);
const processing = z.object({
  state: z.enum(['pending', 'in_progress', 'failed', 'succeeded']),
  check_after_secs: z.number().int().min(0).max(3600).optional(),
  error: z.object({ message: z.string().max(2000).optional() }).optional(),
});
const answer = z.object({
  data: z.object({
    id: MEDIA_ID,
    expires_after_secs: z.number().int().positive().optional(),
    processing_info: processing.optional(),
  }),
});
const remembered = z.object({ id: MEDIA_ID, expiresAt: z.string().optional() });

const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const VIDEO_MAX_BYTES = 512 * 1024 * 1024;
/** X takes pieces of up to 5 MB; 4 MiB keeps well under it. */
const PIECE_BYTES = 4 * 1024 * 1024;
const MAX_PIECES = 1000;
/** X media ids last a day unless X says otherwise. */
const DEFAULT_LIFETIME_SECS = 24 * 3600;
const MAX_STATUS_CHECKS = 60;

export interface XMediaContext {
  api: string;
  token: string;
  request: PublishRequest;
  deps: AdapterDeps & { pieceBytes?: number | undefined; pollIntervalMs?: number | undefined };
  signal: AbortSignal;
  now: () => Date;
}

export async function uploadXMedia(c: XMediaContext): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, ref] of c.request.media.slice(0, 4).entries()) {
    const { remote, reused } = await uploadOnce(
      c.deps.uploads,
      c.request.targetId,
      uploadKey('x', index, ref),
      remembered,
      () => (ref.kind === 'video' ? uploadVideo(c, ref) : uploadImage(c, ref, index)),
      c.now,
    );
    // A video remembered while X was still processing it is checked again before posting.
    if (reused && ref.kind === 'video') await waitUntilProcessed(c, remote.id, 'ask');
    ids.push(remote.id);
  }
  return ids;
}

const lifetime = (c: XMediaContext, secs: number | undefined) =>
  expiresIn(c.now, (secs ?? DEFAULT_LIFETIME_SECS) * 1000);

async function uploadImage(c: XMediaContext, ref: MediaRef, index: number) {
  const file = await loadMedia(ref, c.request, c.deps, c.signal, IMAGE_MAX_BYTES);
  const body = await multipart({
    media: { bytes: file.bytes, mimeType: file.mimeType, filename: `media-${index}` },
    media_category: ref.kind === 'gif' ? 'tweet_gif' : 'tweet_image',
  });
  const sent = await xCall(
    { method: 'POST', url: `${c.api}/2/media/upload`, body },
    c.token,
    { ...c.deps.http, timeoutMs: 60_000 },
    c.signal,
    c.now,
  );
  const { data } = readAnswer(answer, sent, 'Uploading media to X', 'transient');
  await describe(c, data.id, ref);
  return { id: data.id, expiresAt: lifetime(c, data.expires_after_secs) };
}

async function uploadVideo(c: XMediaContext, ref: MediaRef) {
  const source = await openMedia(ref, c.request, c.deps, c.signal, VIDEO_MAX_BYTES);
  const pieceBytes = c.deps.pieceBytes ?? PIECE_BYTES;
  if (Math.ceil(source.bytes / pieceBytes) > MAX_PIECES)
    throw new NetworkError('permanent', 'The video is too large for X to take in pieces');
  const init = await xCall(
    {
      method: 'POST',
      url: `${c.api}/2/media/upload/initialize`,
      json: { media_type: source.mimeType, total_bytes: source.bytes, media_category: 'tweet_video' },
    },
    c.token,
    c.deps.http,
    c.signal,
    c.now,
  );
  const { id } = readAnswer(answer, init, 'Starting a video upload to X', 'transient').data;
  const pieces = new PieceReader(await source.open(), source.bytes);
  try {
    for (let segment = 0; ; segment++) {
      const piece = await pieces.take(pieceBytes);
      if (piece.length === 0) break;
      const body = await multipart({
        media: { bytes: piece, mimeType: 'application/octet-stream', filename: `segment-${segment}` },
        segment_index: String(segment),
      });
      await xCall(
        { method: 'POST', url: `${c.api}/2/media/upload/${id}/append`, body },
        c.token,
        { ...c.deps.http, timeoutMs: 120_000 },
        c.signal,
        c.now,
      );
    }
  } finally {
    await pieces.close();
  }
  const finalized = readAnswer(
    answer,
    await xCall(
      { method: 'POST', url: `${c.api}/2/media/upload/${id}/finalize` },
      c.token,
      c.deps.http,
      c.signal,
      c.now,
    ),
    'Finishing a video upload to X',
    'transient',
  ).data;
  await waitUntilProcessed(c, id, finalized.processing_info);
  await describe(c, id, ref);
  return { id, expiresAt: lifetime(c, finalized.expires_after_secs) };
}

/**
 * Polls STATUS for as long as X says the video is pending or in progress, waiting what X asks
 * (check_after_secs). `known` is what FINALIZE said, or 'ask' for a remembered upload.
 */
async function waitUntilProcessed(
  c: XMediaContext,
  id: string,
  known: z.infer<typeof processing> | undefined | 'ask',
): Promise<void> {
  const status = async () =>
    readAnswer(
      answer,
      await xCall(
        { method: 'GET', url: withQuery(`${c.api}/2/media/upload`, { command: 'STATUS', media_id: id }) },
        c.token,
        c.deps.http,
        c.signal,
        c.now,
      ),
      'Checking a video on X',
      'transient',
    ).data.processing_info;
  let info = known === 'ask' ? await status() : known;
  for (let check = 0; info && info.state !== 'succeeded'; check++) {
    if (info.state === 'failed')
      throw new NetworkError(
        'permanent',
        `X could not process the video${info.error?.message ? `: ${info.error.message}` : ''}`,
      );
    if (check >= MAX_STATUS_CHECKS) throw new NetworkError('transient', 'X was still processing the video');
    await pause(c.deps.pollIntervalMs ?? (info.check_after_secs ?? 5) * 1000, c.signal);
    info = await status();
  }
}

async function describe(c: XMediaContext, id: string, ref: MediaRef) {
  if (!ref.alt) return;
  await xCall(
    {
      method: 'POST',
      url: `${c.api}/2/media/metadata`,
      json: { id, metadata: { alt_text: { text: ref.alt.slice(0, 1000) } } },
    },
    c.token,
    c.deps.http,
    c.signal,
    c.now,
  );
}
