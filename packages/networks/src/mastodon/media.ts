// Mastodon media: POST /api/v2/media (multipart `file` + `description` as alt text) answers 200
// when processed or 202 while processing; then GET /api/v1/media/:id answers 206 until ready.
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { pause } from '../network-http/compose';
import { downloadMedia, multipart } from '../network-http/media';
import type { SafeHttpOptions } from '../safe-http';
import { mastodonCall } from './http';

const attachment = z.object({ id: z.string().min(1).max(100), url: z.string().nullable().optional() });

const MAX_BYTES = 40 * 1024 * 1024;
const MAX_WAIT_MS = 60_000;

export async function uploadMastodonMedia(
  input: { instanceUrl: string; token: string; media: MediaRef[]; pollIntervalMs: number },
  http: SafeHttpOptions,
  signal: AbortSignal,
  now: () => Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, ref] of input.media.entries()) {
    const file = await downloadMedia(ref, http, signal, MAX_BYTES);
    const body = await multipart({
      file: { bytes: file.bytes, mimeType: file.mimeType, filename: `media-${index}` },
      description: ref.alt || undefined,
    });
    const uploaded = await mastodonCall(
      { method: 'POST', url: `${input.instanceUrl}/api/v2/media`, body },
      input.token,
      { ...http, timeoutMs: 120_000 },
      signal,
      now,
    );
    const { id } = readAnswer(attachment, uploaded, 'Uploading media to Mastodon', 'transient');
    if (uploaded.status === 202) await waitUntilProcessed(input, id, http, signal, now);
    ids.push(id);
  }
  return ids;
}

async function waitUntilProcessed(
  input: { instanceUrl: string; token: string; pollIntervalMs: number },
  id: string,
  http: SafeHttpOptions,
  signal: AbortSignal,
  now: () => Date,
): Promise<void> {
  for (let waited = 0; waited < MAX_WAIT_MS; waited += input.pollIntervalMs) {
    await pause(input.pollIntervalMs, signal);
    const response = await mastodonCall(
      { method: 'GET', url: `${input.instanceUrl}/api/v1/media/${encodeURIComponent(id)}` },
      input.token,
      http,
      signal,
      now,
    );
    if (response.status === 200) return;
  }
  throw new NetworkError('transient', 'Mastodon was still processing the media after a minute');
}
