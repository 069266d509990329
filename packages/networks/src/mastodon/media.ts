// Mastodon media: POST /api/v2/media (multipart `file` + `description` as alt text) answers 200
// when processed or 202 while processing; then GET /api/v1/media/:id answers 206 until ready and
// 200 with a `url` once it is. The attachment id is remembered per target as soon as the upload
// answers, so a retry waits on the same attachment rather than uploading the file again, for as
// long as Mastodon keeps an unattached upload (a day).
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import type { PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { type AdapterDeps, pause } from '../network-http/compose';
import { expiresIn, loadMedia, uploadKey, uploadOnce } from '../network-http/library-media';
import { multipart } from '../network-http/media';
import type { SafeHttpOptions } from '../safe-http';
import { mastodonCall } from './http';

const attachment = z.object({ id: z.string().min(1).max(100), url: z.string().nullable().optional() });
const remembered = z.object({ id: z.string().min(1).max(100), expiresAt: z.string().optional() });
/** Mastodon deletes media not attached to a status after a day (its media clean-up job). */
const UNATTACHED_LIFETIME_MS = 24 * 3600 * 1000;

const MAX_BYTES = 40 * 1024 * 1024;
const MAX_WAIT_MS = 60_000;

interface Instance {
  instanceUrl: string;
  token: string;
  pollIntervalMs: number;
}

export async function uploadMastodonMedia(
  input: Instance & { request: PublishRequest },
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, ref] of input.request.media.entries()) {
    const fresh = { ready: false };
    const { remote } = await uploadOnce(
      deps.uploads,
      input.request.targetId,
      uploadKey('mastodon', index, ref),
      remembered,
      async () => {
        const sent = await upload(input, ref, index, deps, signal, now);
        fresh.ready = sent.ready;
        return { id: sent.id, expiresAt: expiresIn(now, UNATTACHED_LIFETIME_MS) };
      },
      now,
    );
    // A fresh upload that answered 200 with its url is ready; a reused or 202 one is waited on.
    if (!fresh.ready) await waitUntilProcessed(input, remote.id, deps.http, signal, now);
    ids.push(remote.id);
  }
  return ids;
}

async function upload(
  input: Instance & { request: PublishRequest },
  ref: MediaRef,
  index: number,
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
): Promise<{ id: string; ready: boolean }> {
  const file = await loadMedia(ref, input.request, deps, signal, MAX_BYTES);
  const body = await multipart({
    file: { bytes: file.bytes, mimeType: file.mimeType, filename: `media-${index}` },
    description: ref.alt || undefined,
  });
  const response = await mastodonCall(
    { method: 'POST', url: `${input.instanceUrl}/api/v2/media`, body },
    input.token,
    { ...deps.http, timeoutMs: 120_000 },
    signal,
    now,
  );
  const answer = readAnswer(attachment, response, 'Uploading media to Mastodon', 'transient');
  return { id: answer.id, ready: response.status === 200 && Boolean(answer.url) };
}

async function waitUntilProcessed(
  input: Instance,
  id: string,
  http: SafeHttpOptions,
  signal: AbortSignal,
  now: () => Date,
): Promise<void> {
  // Bounded: at most MAX_WAIT_MS / pollIntervalMs reads, the first one at once (a reused upload
  // is usually long processed).
  for (let waited = 0; waited <= MAX_WAIT_MS; waited += input.pollIntervalMs) {
    if (waited > 0) await pause(input.pollIntervalMs, signal);
    const response = await mastodonCall(
      { method: 'GET', url: `${input.instanceUrl}/api/v1/media/${encodeURIComponent(id)}` },
      input.token,
      http,
      signal,
      now,
    );
    if (response.status === 200 && readAnswer(attachment, response, 'Reading Mastodon media').url) return;
  }
  throw new NetworkError('transient', 'Mastodon was still processing the media after a minute');
}
