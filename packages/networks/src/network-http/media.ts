// Media for networks that take bytes (Mastodon, Bluesky, X, LinkedIn): downloaded from the post's
// media URL through safeRequest, bounded in size, and typed by its content, not by its name or the
// server's Content-Type (SECURITY.md: uploaded media checked by content).
import type { MediaRef } from '@cadence/db';
import { NetworkError } from '../errors';
import type { SafeHttpOptions } from '../safe-http';
import { send } from './call';

export interface MediaFile {
  bytes: Buffer;
  mimeType: string;
  alt: string;
  kind: MediaRef['kind'];
}

const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mime: 'video/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
];

function sniffMimeType(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

export async function downloadMedia(
  ref: MediaRef,
  http: SafeHttpOptions,
  signal: AbortSignal,
  maxBytes: number,
): Promise<MediaFile> {
  const response = await send(
    { method: 'GET', url: ref.url, headers: { accept: '*/*' } },
    { ...http, maxResponseBytes: maxBytes },
    signal,
  ).catch((error: unknown) => {
    // Nothing has been posted yet, so a download problem is never ambiguous.
    if (error instanceof NetworkError && error.failure.kind === 'ambiguous') {
      throw new NetworkError(
        'permanent',
        `The media file ${ref.url} is larger than ${maxBytes} bytes or unreadable`,
      );
    }
    throw error;
  });
  if (response.status >= 500)
    throw new NetworkError('transient', `Could not download ${ref.url} (HTTP ${response.status})`);
  if (response.status !== 200)
    throw new NetworkError('permanent', `Could not download ${ref.url} (HTTP ${response.status})`);
  const mimeType = sniffMimeType(response.bytes);
  if (!mimeType)
    throw new NetworkError('permanent', `The media file ${ref.url} is not a JPEG, PNG, GIF, WebP or MP4`);
  return { bytes: response.bytes, mimeType, alt: ref.alt, kind: ref.kind };
}

/** A multipart/form-data body, encoded by the platform's own FormData rather than by hand. */
export async function multipart(
  fields: Record<string, string | { bytes: Buffer; mimeType: string; filename: string } | undefined>,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.mimeType }), value.filename);
  }
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type');
  if (!contentType) throw new Error('FormData produced no content type');
  return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType };
}
