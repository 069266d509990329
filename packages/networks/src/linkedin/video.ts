// LinkedIn videos through the Videos API: POST /rest/videos?action=initializeUpload (owner, size)
// answers the video URN and upload instructions, one URL per byte range (firstByte..lastByte,
// about 4 MB each); each range is PUT to its URL and its ETag kept; POST
// /rest/videos?action=finalizeUpload with the ETags in order; then GET /rest/videos/{urn} until
// AVAILABLE (PROCESSING_FAILED is permanent). The ranges are read from storage as they are sent.
import type { MediaRef } from '@cadence/db';
import { networkLimits } from '@cadence/domain/networks/limits';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { header, readAnswer } from '../network-http/call';
import { pause } from '../network-http/compose';
import { openMedia, PieceReader } from '../network-http/media-pieces';
import { linkedinCall } from './http';
import type { LinkedinMediaContext } from './media-context';

/** The Videos API takes files up to 500 MB (also checked at draft time from the limits). */
const VIDEO_MAX_BYTES = networkLimits('linkedin').media.videoMaxBytes ?? 500 * 1024 * 1024;
const MAX_STATUS_CHECKS = 60;

const VIDEO_URN = z.string().regex(/^urn:li:video:[A-Za-z0-9_-]{1,100}$/);
const initialized = z.object({
  value: z.object({
    video: VIDEO_URN,
    uploadToken: z.string().max(2000).default(''),
    uploadInstructions: z
      .array(
        z.object({
          uploadUrl: z.url({ protocol: /^https?$/ }),
          firstByte: z.number().int().min(0),
          lastByte: z.number().int().min(0),
        }),
      )
      .min(1)
      .max(200),
  }),
});
const video = z.object({
  status: z.enum(['WAITING_UPLOAD', 'PROCESSING', 'AVAILABLE', 'PROCESSING_FAILED']),
  processingFailureReason: z.string().max(2000).optional(),
});

export async function uploadLinkedinVideo(c: LinkedinMediaContext, ref: MediaRef): Promise<string> {
  const source = await openMedia(ref, c.request, c.deps, c.signal, VIDEO_MAX_BYTES);
  const init = await linkedinCall(
    {
      method: 'POST',
      url: `${c.api}/rest/videos?action=initializeUpload`,
      json: {
        initializeUploadRequest: {
          owner: c.author,
          fileSizeBytes: source.bytes,
          uploadCaptions: false,
          uploadThumbnail: false,
        },
      },
    },
    c.token,
    c.deps.http,
    c.signal,
    c.now,
  );
  const { value } = readAnswer(initialized, init, 'Preparing a video upload on LinkedIn', 'transient');
  const parts = [...value.uploadInstructions].sort((a, b) => a.firstByte - b.firstByte);
  // The ranges must cover the file exactly, one after the other, or the bytes would not fit.
  const covers = parts.every((p, i) => p.firstByte === (i === 0 ? 0 : (parts[i - 1]?.lastByte ?? -2) + 1));
  if (!covers || parts.at(-1)?.lastByte !== source.bytes - 1)
    throw new NetworkError('transient', 'LinkedIn gave upload ranges that do not cover the video');

  const etags: string[] = [];
  const pieces = new PieceReader(await source.open(), source.bytes);
  try {
    for (const part of parts) {
      const bytes = await pieces.take(part.lastByte - part.firstByte + 1);
      const sent = await linkedinCall(
        { method: 'PUT', url: part.uploadUrl, body: { bytes, contentType: 'application/octet-stream' } },
        c.token,
        { ...c.deps.http, timeoutMs: 120_000 },
        c.signal,
        c.now,
      );
      const etag = header(sent, 'etag');
      if (!etag) throw new NetworkError('transient', 'LinkedIn did not acknowledge a part of the video');
      etags.push(etag);
    }
  } finally {
    await pieces.close();
  }
  await linkedinCall(
    {
      method: 'POST',
      url: `${c.api}/rest/videos?action=finalizeUpload`,
      json: {
        finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds: etags },
      },
    },
    c.token,
    c.deps.http,
    c.signal,
    c.now,
  );
  return value.video;
}

/** Waits until LinkedIn has processed the video: a post cannot show one that is not AVAILABLE. */
export async function waitUntilAvailable(c: LinkedinMediaContext, urn: string): Promise<void> {
  for (let check = 0; check <= MAX_STATUS_CHECKS; check++) {
    if (check > 0) await pause(c.deps.pollIntervalMs ?? 5000, c.signal);
    const response = await linkedinCall(
      { method: 'GET', url: `${c.api}/rest/videos/${encodeURIComponent(urn)}` },
      c.token,
      c.deps.http,
      c.signal,
      c.now,
    );
    const { status, processingFailureReason } = readAnswer(
      video,
      response,
      'Checking a video on LinkedIn',
      'transient',
    );
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED')
      throw new NetworkError(
        'permanent',
        `LinkedIn could not process the video${processingFailureReason ? `: ${processingFailureReason}` : ''}`,
      );
  }
  throw new NetworkError('transient', 'LinkedIn was still processing the video');
}
